package org.polygrok.api.model;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Module;

/** A next-token model written once on {@link Ops}: tokens (B, S) INT32 -> logits (B, S, V). */
public abstract class LanguageModel extends Module {

    public abstract ModelOutput forward(Ops ops, Tensor tokens);

    /** Vocabulary size V. */
    public abstract int vocabSize();

    /** Parameters without the token embedding (the protocol's P). */
    public abstract long parameterCountWithoutEmbeddings();
}
