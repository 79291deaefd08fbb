package org.polygrok.experiments.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's tokenizer (PROTOCOL §1.2): tokens "0" … "p-1", the operator, "=", "BOS", "EOS",
 * "PAD"; a token's id is its index, so V = p + 5.
 */
public final class Vocabulary {
    public static final String EQUALS = "=";
    public static final String BOS = "BOS";
    public static final String EOS = "EOS";
    public static final String PAD = "PAD";

    private final List<String> tokens;
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    public Vocabulary(int p, Operator operator) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            list.add(Integer.toString(i));
        }
        list.addAll(List.of(operator.symbol(), EQUALS, BOS, EOS, PAD));
        for (String t : list) {
            ids.putIfAbsent(t, ids.size()); // duplicates removed, keeping the first (as dict.fromkeys)
        }
        this.tokens = Collections.unmodifiableList(new ArrayList<>(ids.keySet()));
    }

    public int size() {
        return tokens.size();
    }

    public int id(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("token '" + token + "' is not in the vocabulary");
        }
        return id;
    }

    public String token(int id) {
        return tokens.get(id);
    }

    public List<String> tokens() {
        return tokens;
    }

    public int padId() {
        return id(PAD);
    }

    public int bosId() {
        return id(BOS);
    }

    public int eosId() {
        return id(EOS);
    }

    public int equalsId() {
        return id(EQUALS);
    }

    /** Ids of a space-separated token string. */
    public int[] encode(String text) {
        String[] parts = text.split(" ");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = id(parts[i]);
        }
        return out;
    }

    /** Space-separated tokens of {@code ids}, leaving out PAD. */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id == padId()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(token(id));
        }
        return sb.toString();
    }
}
