"""`/api/v1/documents`: list, read, add (parse, store, merge) and delete articles."""
from __future__ import annotations

from flask import Blueprint, jsonify, url_for

from api.auth import write_protected
from api.errors import Problem, ValidationProblem
from api.extract.model import DocumentInput
from api.pagination import page_response
from api.routes import document_body, use_query
from api.store import DocumentConflict, InvalidCursor, content_hash, get_store
from schemas.documents import DocumentDetailSchema, IngestResultSchema, StoredDocumentSchema
from schemas.query import DocumentsQuerySchema

bp = Blueprint("documents", __name__, url_prefix="/api/v1/documents")


def document_input(body: dict) -> DocumentInput:
    """A posted article; its id comes from its text, so the same text is the same document."""
    return DocumentInput(id=f"doc_{content_hash(body['text'])[:16]}", **body)


@bp.get("")
@use_query(DocumentsQuerySchema)
def list_documents(args):
    try:
        page = get_store().list_documents(**args)
    except InvalidCursor as error:
        raise ValidationProblem({"cursor": [str(error)]}) from None
    return page_response(StoredDocumentSchema(many=True).dump(page.documents), page.next_cursor)


@bp.get("/<doc_id>")
def get_document(doc_id):
    document = get_store().get_document(doc_id)
    if document is None:
        raise Problem(404, f"No document has the id {doc_id!r}.")
    return jsonify(DocumentDetailSchema().dump(document))


@bp.post("")
@write_protected
def create_document():
    doc = document_input(document_body())
    try:
        stored, events, created = get_store().ingest(doc)
    except DocumentConflict as error:
        raise Problem(409, str(error)) from None
    response = jsonify(IngestResultSchema().dump({"document": stored, "events": events}))
    response.status_code = 201 if created else 200
    response.headers["Location"] = url_for("documents.get_document", doc_id=stored["id"])
    return response


@bp.delete("/<doc_id>")
@write_protected
def delete_document(doc_id):
    if not get_store().delete_document(doc_id):
        raise Problem(404, f"No document has the id {doc_id!r}.")
    return "", 204
