package io.eventsourcing.sample.web;

/** Thrown while a request body is read past the largest size the API accepts. */
class RequestTooLargeException extends RuntimeException {

    RequestTooLargeException(long maxSize) {
        super("The request body is larger than " + maxSize + " bytes");
    }
}
