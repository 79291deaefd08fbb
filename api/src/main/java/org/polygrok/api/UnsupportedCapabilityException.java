package org.polygrok.api;

/** Thrown when a backend is asked for a {@link Capability} it does not declare. */
public class UnsupportedCapabilityException extends UnsupportedOperationException {
    public UnsupportedCapabilityException(String backend, Capability capability) {
        super("backend '" + backend + "' does not support " + capability);
    }
}
