package org.polygrok.api.nn;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/** The GPT's stack of L {@link Block}s, child {@code blocks} (names {@code blocks.{i}.…}). */
public final class Decoder extends Module {
    private final ModuleList<Block> blocks;

    /**
     * The last block's output (B, S, d); the L+1 hidden states [input, block 1 output, …, block L
     * output], each (B, S, d); the L attention weights, each (B, H, S, S).
     */
    public record Result(Tensor output, List<Tensor> hiddenStates, List<Tensor> attentions) {
    }

    public Decoder(int dim, int layers, int heads, int multiplier) {
        if (layers < 1) {
            throw new IllegalArgumentException("a decoder needs at least one block, got " + layers);
        }
        this.blocks = child("blocks", new ModuleList<>(layers, i -> new Block(dim, heads, multiplier)));
    }

    /** x (B, S, d) -> see {@link Result}. */
    public Result forward(Ops ops, Tensor x) {
        List<Tensor> hiddenStates = new ArrayList<>(List.of(x));
        List<Tensor> attentions = new ArrayList<>();
        Tensor h = x;
        for (Block block : blocks.modules()) {
            CausalSelfAttention.Result r = block.forward(ops, h);
            h = r.output();
            hiddenStates.add(h);
            attentions.add(r.weights());
        }
        return new Result(h, List.copyOf(hiddenStates), List.copyOf(attentions));
    }

    /**
     * The last block's output at positions first..S−1 only, (B, S − first, d): the blocks before it
     * run on every position (the last one's attention reads them all), the last on those rows.
     */
    public Tensor outputFrom(Ops ops, Tensor x, int first) {
        List<Block> all = blocks.modules();
        Tensor h = x;
        for (int i = 0; i < all.size() - 1; i++) {
            h = all.get(i).forward(ops, h).output(); // (B, S, d)
        }
        return all.get(all.size() - 1).forward(ops, h, first).output(); // (B, S − first, d)
    }

    public int layers() {
        return blocks.size();
    }
}
