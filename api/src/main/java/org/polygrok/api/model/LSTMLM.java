package org.polygrok.api.model;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Embedding;
import org.polygrok.api.nn.LSTM;
import org.polygrok.api.nn.Linear;

/**
 * The LSTM language model (PROTOCOL §2): embedding → L-layer LSTM from zero states → classifier
 * at every position. Parameters {@code embedding.weight}, {@code lstm.layers.{i}.<gate>.weight|bias}
 * for the gates input_gate, forget_gate, output_gate, candidate_cell, {@code classifier.weight|bias}.
 */
public final class LSTMLM extends LanguageModel {
    private final LstmConfig config;
    private final Embedding embedding;
    private final LSTM lstm;
    private final Linear classifier;

    public LSTMLM(LstmConfig config) {
        this.config = config;
        this.embedding = child("embedding", new Embedding(config.vocabSize(), config.dim(), config.padId()));
        this.lstm = child("lstm", new LSTM(config.dim(), config.dim(), config.layers()));
        this.classifier = child("classifier", new Linear(config.dim(), config.vocabSize(), true));
    }

    /** tokens (B, S) INT32 -> logits (B, S, V); no internals. */
    @Override
    public ModelOutput forward(Ops ops, Tensor tokens) {
        return ModelOutput.logitsOnly(scoredLogits(ops, tokens, 0)); // (B, S, V)
    }

    /** The classifier on the last layer's states from {@code first} on: (B, S − first, V). */
    @Override
    public Tensor scoredLogits(Ops ops, Tensor tokens, int first) {
        checkFirstScored(tokens, first);
        Tensor h = lstm.forward(ops, embedding.forward(ops, tokens)); // (B, S, d)
        Tensor scored = first == 0 ? h : ops.slice(h, 1, first, h.shape()[1]); // (B, S − first, d)
        return classifier.forward(ops, scored); // (B, S − first, V)
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public long parameterCountWithoutEmbeddings() {
        return parameterCount() - embedding.weight().size();
    }

    public LstmConfig config() {
        return config;
    }
}
