package org.polygrok.api.model;

import java.util.Map;
import org.polygrok.api.Tensor;

/**
 * A forward pass: logits (B, S, V) and named internals — for the GPT "hidden_states"
 * (B, L+1, S, d) and "attentions" (B, L, H, S, S); empty for the LSTM.
 */
public record ModelOutput(Tensor logits, Map<String, Tensor> internals) {
    public static final String HIDDEN_STATES = "hidden_states";
    public static final String ATTENTIONS = "attentions";

    public static ModelOutput logitsOnly(Tensor logits) {
        return new ModelOutput(logits, Map.of());
    }
}
