package org.polygrok.api;

/** A backend name that is unknown or unavailable; the message lists what is available. */
public class UnknownBackendException extends IllegalArgumentException {
    public UnknownBackendException(String message) {
        super(message);
    }
}
