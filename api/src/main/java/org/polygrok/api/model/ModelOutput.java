package org.polygrok.api.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polygrok.api.Tensor;

/**
 * A forward pass: logits (B, S, V) and named internals — for the GPT "hidden_states"
 * (B, L+1, S, d) and "attentions" (B, L, H, S, S); empty for the LSTM.
 */
public record ModelOutput(Tensor logits, Map<String, Tensor> internals) {
    /** The key of the logits among a forward pass's named outputs ({@link #named()}). */
    public static final String LOGITS = "logits";
    public static final String HIDDEN_STATES = "hidden_states";
    public static final String ATTENTIONS = "attentions";

    public static ModelOutput logitsOnly(Tensor logits) {
        return new ModelOutput(logits, Map.of());
    }

    /** Every output under its name, as a forward pass returns them: {@link #LOGITS} first, then the internals. */
    public Map<String, Tensor> named() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(LOGITS, logits);
        out.putAll(internals);
        return out;
    }
}
