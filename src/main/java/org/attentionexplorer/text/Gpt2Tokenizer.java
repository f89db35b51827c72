package org.attentionexplorer.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * GPT-2's byte-pair encoding (tiktoken's {@code r50k_base}, through jtokkit): 50,257 tokens, the last one
 * {@code <|endoftext|>} (id 50256), as the book's {@code tiktoken.get_encoding("gpt2")} with
 * {@code allowed_special={"<|endoftext|>"}}. There is no unknown token: any text is some sequence of bytes.
 *
 * <p>Tokens are sequences of UTF-8 bytes, and one may hold only part of a character (an emoji is often two
 * tokens). Such a token's span covers the whole character, so the spans of neighbouring tokens can overlap on
 * it, and its {@link #tokenText(int)} shows the partial bytes as {@code <0xNN>} (as Llama's byte tokens are written).
 */
public final class Gpt2Tokenizer implements Tokenizer {
    public static final String KIND = "gpt2";
    /** The name of the encoding in tiktoken and in saved tokenizers. */
    public static final String ENCODING_NAME = "r50k_base";
    public static final int END_OF_TEXT_ID = 50256;
    public static final int VOCAB_SIZE = 50257;

    /** Loaded once, on first use (it reads a 1 MB resource); jtokkit's encodings are thread-safe. */
    private static final class Bpe {
        static final com.knuddels.jtokkit.api.Encoding R50K_BASE =
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }

    private final com.knuddels.jtokkit.api.Encoding bpe = Bpe.R50K_BASE;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int[] encode(String text) {
        IntList ids = new IntList(text.length() / 3);
        encode(text, ids, null, null);
        return ids.toArray();
    }

    @Override
    public Encoding encodeWithSpans(String text) {
        IntList ids = new IntList(text.length() / 3);
        IntList starts = new IntList(text.length() / 3);
        IntList ends = new IntList(text.length() / 3);
        encode(text, ids, starts, ends);
        return new Encoding(ids.toArray(), starts.toArray(), ends.toArray());
    }

    /** jtokkit refuses text with special tokens, so the text is cut at each {@code <|endoftext|>} and the parts encoded as ordinary text. */
    private void encode(String text, IntList ids, IntList starts, IntList ends) {
        int from = 0;
        while (true) {
            int special = text.indexOf(END_OF_TEXT, from);
            int to = special < 0 ? text.length() : special;
            if (to > from) {
                encodePart(text, from, to, ids, starts, ends);
            }
            if (special < 0) {
                return;
            }
            ids.add(END_OF_TEXT_ID);
            if (starts != null) {
                starts.add(special);
                ends.add(special + END_OF_TEXT.length());
            }
            from = special + END_OF_TEXT.length();
        }
    }

    private void encodePart(String text, int from, int to, IntList ids, IntList starts, IntList ends) {
        IntArrayList partIds = bpe.encodeOrdinary(text.substring(from, to));
        if (starts == null) {
            for (int i = 0; i < partIds.size(); i++) {
                ids.add(partIds.get(i));
            }
            return;
        }
        ByteSpans spans = new ByteSpans(text, from, to);
        for (int i = 0; i < partIds.size(); i++) {
            int id = partIds.get(i);
            ids.add(id);
            spans.next(tokenBytes(id).length, starts, ends);
        }
    }

    /**
     * Walks the characters of a part of the text by their UTF-8 bytes, turning the byte lengths of successive
     * tokens into char spans: a token covers every character that any of its bytes belongs to.
     */
    private static final class ByteSpans {
        private final String text;
        private final int end;
        /** The char where the next token's first byte lies, and how many of that character's bytes earlier tokens took. */
        private int charAt;
        private int bytesTaken;

        ByteSpans(String text, int from, int to) {
            this.text = text;
            this.end = to;
            this.charAt = from;
        }

        void next(int tokenBytes, IntList starts, IntList ends) {
            starts.add(charAt);
            int remaining = tokenBytes;
            while (remaining > 0 && charAt < end) {
                int c = text.codePointAt(charAt);
                int left = utf8Length(c) - bytesTaken;
                if (remaining < left) { // the token ends inside this character
                    bytesTaken += remaining;
                    ends.add(charAt + Character.charCount(c));
                    return;
                }
                remaining -= left;
                bytesTaken = 0;
                charAt += Character.charCount(c);
            }
            ends.add(charAt);
        }

        /** Bytes of a character in UTF-8 as jtokkit counts them (a lone surrogate becomes one byte, {@code ?}). */
        private static int utf8Length(int c) {
            if (c < 0x80 || (c < 0x10000 && Character.isSurrogate((char) c))) {
                return 1;
            }
            return c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
    }

    /** The text of the ids' bytes; bytes that are not whole UTF-8 characters become U+FFFD. */
    @Override
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) {
            list.add(checked(id));
        }
        return new String(bpe.decodeBytes(list), StandardCharsets.UTF_8);
    }

    /**
     * The token's text; bytes that are only part of a character (the rest being in another token) as
     * {@code <0xNN>}: the first half of an emoji is {@code " <0xF0><0x9F><0x98>"}.
     */
    @Override
    public String tokenText(int id) {
        byte[] bytes = tokenBytes(id);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        StringBuilder text = new StringBuilder();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (!result.isError()) {
                return text.toString();
            }
            for (int i = 0; i < result.length(); i++) {
                text.append(String.format("<0x%02X>", in.get() & 0xFF));
            }
        }
    }

    /** The UTF-8 bytes of one token ({@code <|endoftext|>} as written). */
    public byte[] tokenBytes(int id) {
        IntArrayList one = new IntArrayList(1);
        one.add(checked(id));
        return bpe.decodeBytes(one);
    }

    private static int checked(int id) {
        if (id < 0 || id >= VOCAB_SIZE) {
            throw new IllegalArgumentException("token id " + id + " is not a GPT-2 token (ids 0 to " + (VOCAB_SIZE - 1) + ")");
        }
        return id;
    }

    @Override
    public int vocabSize() {
        return VOCAB_SIZE;
    }

    @Override
    public OptionalInt endOfTextId() {
        return OptionalInt.of(END_OF_TEXT_ID);
    }

    /** Empty: byte-pair encoding has no unknown token. */
    @Override
    public OptionalInt unknownId() {
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "Gpt2Tokenizer(" + ENCODING_NAME + ")";
    }
}
