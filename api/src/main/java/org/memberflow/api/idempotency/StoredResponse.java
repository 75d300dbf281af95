package org.memberflow.api.idempotency;

/** The first answer to a request with an Idempotency-Key, as kept to answer its repeats. */
record StoredResponse(int status, String contentType, String location, byte[] body) {
}
