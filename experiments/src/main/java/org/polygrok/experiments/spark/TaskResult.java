package org.polygrok.experiments.spark;

import java.io.Serializable;

/**
 * What a trial's task tells the driver: the executor's host, whether it saw the results folder, and how the
 * trial ended there (DONE or FAILED; the driver reads the details from the trial's folder).
 */
record TaskResult(String host, boolean outVisible, String label) implements Serializable {
    private static final long serialVersionUID = 1L;

    static TaskResult blind(String host) {
        return new TaskResult(host, false, null);
    }

    static TaskResult ended(String host, String label) {
        return new TaskResult(host, true, label);
    }
}
