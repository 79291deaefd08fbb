package org.polygrok.experiments.train;

import java.util.Locale;

/** The two models of the study. */
public enum ModelKind {
    LSTM,
    GPT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelKind fromLabel(String label) {
        for (ModelKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + label + "'; use lstm or gpt");
    }
}
