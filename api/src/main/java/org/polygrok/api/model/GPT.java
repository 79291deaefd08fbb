package org.polygrok.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Decoder;
import org.polygrok.api.nn.Linear;
import org.polygrok.api.nn.TokensAndPositions;

/**
 * The small GPT (PROTOCOL §3): token embedding + fixed sinusoidal positions → L post-LayerNorm
 * blocks → classifier, with no final LayerNorm. Parameters {@code embedding.tokens.weight},
 * {@code decoder.blocks.{i}.self_attn.W_Q|W_K|W_V|W_O.weight|bias},
 * {@code decoder.blocks.{i}.self_attn_norm.weight|bias}, {@code decoder.blocks.{i}.ffn.0.weight},
 * {@code decoder.blocks.{i}.ffn.2.weight}, {@code decoder.blocks.{i}.ffn_norm.weight|bias},
 * {@code classifier.weight|bias}.
 */
public final class GPT extends LanguageModel {
    private final GptConfig config;
    private final TokensAndPositions embedding;
    private final Decoder decoder;
    private final Linear classifier;

    public GPT(GptConfig config) {
        this.config = config;
        this.embedding = child("embedding", new TokensAndPositions(config.vocabSize(), config.dim(),
                config.maxPositions(), config.padId()));
        this.decoder = child("decoder", new Decoder(config.dim(), config.layers(), config.heads(), config.multiplier()));
        this.classifier = child("classifier", new Linear(config.dim(), config.vocabSize(), true));
    }

    /**
     * tokens (B, S) INT32 -> logits (B, S, V), with internals "hidden_states" (B, L+1, S, d) =
     * [embedding output, block outputs…] and "attentions" (B, L, H, S, S).
     */
    @Override
    public ModelOutput forward(Ops ops, Tensor tokens) {
        Tensor x = embedding.forward(ops, checkTokens(tokens)); // (B, S, d)
        Decoder.Result decoded = decoder.forward(ops, x);
        Tensor logits = classifier.forward(ops, decoded.output()); // (B, S, V)
        Map<String, Tensor> internals = new LinkedHashMap<>();
        internals.put(ModelOutput.HIDDEN_STATES, ops.stack(decoded.hiddenStates(), 1)); // (L+1) x (B, S, d) -> (B, L+1, S, d)
        internals.put(ModelOutput.ATTENTIONS, ops.stack(decoded.attentions(), 1)); // L x (B, H, S, S) -> (B, L, H, S, S)
        return new ModelOutput(logits, Collections.unmodifiableMap(internals));
    }

    /** Only the last block's rows from {@code first} on, and the classifier on them: (B, S − first, V). */
    @Override
    public Tensor scoredLogits(Ops ops, Tensor tokens, int first) {
        checkFirstScored(tokens, first);
        Tensor x = embedding.forward(ops, tokens); // (B, S, d)
        return classifier.forward(ops, decoder.outputFrom(ops, x, first)); // (B, S − first, d) -> (B, S − first, V)
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public long parameterCountWithoutEmbeddings() {
        return parameterCount() - embedding.tokens().weight().size();
    }

    public GptConfig config() {
        return config;
    }
}
