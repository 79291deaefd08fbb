package org.polygrok.experiments.study;

import java.util.Locale;

/** How much of an experiment to run: the protocol exactly, or a reduced version that finishes in minutes. */
public enum Scale {
    FULL,
    QUICK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scale fromLabel(String label) {
        for (Scale s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scale '" + label + "'; use full or quick");
    }
}
