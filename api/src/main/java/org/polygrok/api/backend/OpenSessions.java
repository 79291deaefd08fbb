package org.polygrok.api.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * The training sessions a backend has handed out and not yet seen closed, so that closing the
 * backend closes them (and frees their engine memory) too.
 */
public final class OpenSessions {
    private final List<BaseTrainSession> sessions = new ArrayList<>();

    /** Remembers {@code session} (forgetting those closed meanwhile) and returns it. */
    public synchronized <S extends BaseTrainSession> S add(S session) {
        sessions.removeIf(BaseTrainSession::isClosed);
        sessions.add(session);
        return session;
    }

    /** Closes every session still open. */
    public void closeAll() {
        List<BaseTrainSession> open;
        synchronized (this) {
            open = new ArrayList<>(sessions);
            sessions.clear();
        }
        open.forEach(BaseTrainSession::close);
    }
}
