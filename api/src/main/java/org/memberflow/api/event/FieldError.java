package org.memberflow.api.event;

/** One problem with a request, {@code pointer} being a JSON pointer into the body (RFC 6901). */
public record FieldError(String pointer, String detail) {
}
