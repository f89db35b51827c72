package org.attentionexplorer.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The entries of a char or word vocabulary in id order (an id is a position in the list), always including
 * the two special tokens. Shared by {@link CharTokenizer} and {@link WordTokenizer}.
 */
final class Vocabulary {
    private final List<String> entries;
    private final Map<String, Integer> ids;
    private final int endOfTextId;
    private final int unknownId;

    private Vocabulary(List<String> entries) {
        this.entries = Collections.unmodifiableList(entries);
        this.ids = new HashMap<>(entries.size() * 2);
        for (int id = 0; id < entries.size(); id++) {
            ids.put(entries.get(id), id);
        }
        this.endOfTextId = ids.get(Tokenizer.END_OF_TEXT);
        this.unknownId = ids.get(Tokenizer.UNKNOWN);
    }

    /**
     * The given entries in their order, then {@link Tokenizer#END_OF_TEXT} and {@link Tokenizer#UNKNOWN} when
     * they are missing (in the book's order). {@code problemWith} returns what is wrong with an ordinary entry,
     * or null when it is fine; a bad or repeated entry throws an {@link IllegalArgumentException}.
     */
    static Vocabulary of(List<String> given, Function<String, String> problemWith) {
        List<String> entries = new ArrayList<>(given.size() + 2);
        Map<String, Integer> seen = new HashMap<>(given.size() * 2);
        for (int i = 0; i < given.size(); i++) {
            String entry = given.get(i);
            if (entry == null) {
                throw new IllegalArgumentException("entry " + i + " is missing (null)");
            }
            Integer first = seen.putIfAbsent(entry, i);
            if (first != null) {
                throw new IllegalArgumentException("entry " + i + ", " + TokenLabels.quote(entry)
                        + ", repeats entry " + first + "; every entry must be different");
            }
            if (!isSpecial(entry)) {
                String problem = problemWith.apply(entry);
                if (problem != null) {
                    throw new IllegalArgumentException("entry " + i + ", " + TokenLabels.quote(entry) + ", " + problem);
                }
            }
            entries.add(entry);
        }
        for (String special : List.of(Tokenizer.END_OF_TEXT, Tokenizer.UNKNOWN)) {
            if (!seen.containsKey(special)) {
                entries.add(special);
            }
        }
        return new Vocabulary(entries);
    }

    static boolean isSpecial(String entry) {
        return entry.equals(Tokenizer.END_OF_TEXT) || entry.equals(Tokenizer.UNKNOWN);
    }

    /** Every entry in id order (unmodifiable). */
    List<String> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    /** The id of an entry, or the id of {@link Tokenizer#UNKNOWN} when the vocabulary has no such entry. */
    int idOrUnknown(String entry) {
        return ids.getOrDefault(entry, unknownId);
    }

    /** The id of an entry, or -1. */
    int idOf(String entry) {
        return ids.getOrDefault(entry, -1);
    }

    int endOfTextId() {
        return endOfTextId;
    }

    int unknownId() {
        return unknownId;
    }

    /** The entry of an id; an id outside the vocabulary is a bug in the caller. */
    String entry(int id) {
        if (id < 0 || id >= entries.size()) {
            throw new IllegalArgumentException("token id " + id + " is not in this vocabulary of " + entries.size()
                    + " tokens (ids 0 to " + (entries.size() - 1) + ")");
        }
        return entries.get(id);
    }

    /** Python's order of strings ({@code sorted()}): by code point, which is not String.compareTo's UTF-16 order. */
    static int compareByCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
