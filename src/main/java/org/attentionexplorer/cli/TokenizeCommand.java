package org.attentionexplorer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.LoadedText;
import org.attentionexplorer.text.TextSourceException;
import org.attentionexplorer.text.TextSources;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.text.Tokenizer;
import org.attentionexplorer.text.TokenizerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokenize}: a text's tokens, their ids and spans, as a table or JSON. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        customSynopsis = {"attention-explorer tokenize --tokenizer=KIND (--text=FILE | --string=S)",
            "                                   [--format=FORMAT] [-hV]"},
        description = {"Splits a text into tokens and prints how many, the vocabulary size, and each token's id, span and text.",
            "The char and word tokenizers build their vocabulary from the given text itself (so no token is <|unk|>); "
                    + "gpt2 has GPT-2's fixed vocabulary of 50,257 tokens. <|endoftext|> written in the text is one token."},
        footer = {"", "Exit status: 0 on success, 2 for a bad file or option (one line on standard error says what and where)."})
final class TokenizeCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Option(names = "--tokenizer", paramLabel = "KIND", description = "char, word or gpt2 (required).")
    private String tokenizer;

    @Option(names = "--text", paramLabel = "FILE", description = "The text to tokenize: a .txt file (UTF-8) or a .pdf.")
    private Path textFile;

    @Option(names = "--string", paramLabel = "S", description = "The text to tokenize, given on the command line.")
    private String string;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> problem = checkOptions();
        if (problem.isPresent()) {
            err.println("error: " + problem.get());
            return Main.USER_ERROR;
        }
        String text;
        if (textFile != null) {
            try {
                LoadedText loaded = TextSources.load(textFile);
                loaded.note().ifPresent(note -> err.println("note: " + note));
                text = loaded.text();
            } catch (TextSourceException e) {
                err.println("error: " + e.getMessage());
                return Main.USER_ERROR;
            }
        } else {
            text = string;
        }
        Tokenizer chosen = TokenizerKind.byKind(tokenizer).orElseThrow().fromText(text);
        Encoding encoding = chosen.encodeWithSpans(text);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? json(chosen, encoding) : table(chosen, encoding));
        out.flush();
        return 0;
    }

    private Optional<String> checkOptions() {
        if (tokenizer == null) {
            return Optional.of("give the tokenizer with --tokenizer KIND: " + TokenizerKind.kinds());
        }
        if (TokenizerKind.byKind(tokenizer).isEmpty()) {
            return Optional.of("--tokenizer: unknown tokenizer '" + tokenizer + "'; use one of " + TokenizerKind.kinds());
        }
        if (textFile == null && string == null) {
            return Optional.of("give the text to tokenize with --text FILE or --string S");
        }
        if (textFile != null && string != null) {
            return Optional.of("give either --text FILE or --string S, not both");
        }
        return Optional.empty();
    }

    /** A header, then one row per token: index, id, span (start:end, a Python slice of the text) and the token's text, escaped and quoted so that spaces show. */
    static String table(Tokenizer tokenizer, Encoding encoding) {
        int[] ids = encoding.ids();
        int[] starts = encoding.starts();
        int[] ends = encoding.ends();
        StringBuilder table = new StringBuilder();
        table.append("tokenizer  ").append(tokenizer.kind()).append('\n');
        table.append("vocabSize  ").append(tokenizer.vocabSize()).append('\n');
        table.append("count      ").append(ids.length).append('\n');
        if (ids.length == 0) {
            return table.toString();
        }
        int indexWidth = Math.max("index".length(), String.valueOf(ids.length - 1).length());
        int idWidth = Math.max("id".length(), String.valueOf(tokenizer.vocabSize() - 1).length());
        int spanWidth = "span".length();
        for (int i = 0; i < ids.length; i++) {
            spanWidth = Math.max(spanWidth, span(starts[i], ends[i]).length());
        }
        String row = "%" + indexWidth + "s  %" + idWidth + "s  %-" + spanWidth + "s  %s\n";
        table.append('\n').append(String.format(row, "index", "id", "span", "token"));
        for (int i = 0; i < ids.length; i++) {
            table.append(String.format(row, i, ids[i], span(starts[i], ends[i]), TokenLabels.quote(tokenizer.tokenText(ids[i]))));
        }
        return table.toString();
    }

    private static String span(int start, int end) {
        return start + ":" + end;
    }

    /** One JSON object: tokenizer, vocabSize, count, ids, tokens, spans ([start, end) in chars); arrays on one line each. */
    static String json(Tokenizer tokenizer, Encoding encoding) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("tokenizer", tokenizer.kind());
        node.put("vocabSize", tokenizer.vocabSize());
        node.put("count", encoding.size());
        ArrayNode ids = node.putArray("ids");
        ArrayNode tokens = node.putArray("tokens");
        ArrayNode spans = node.putArray("spans");
        int[] idValues = encoding.ids();
        int[] starts = encoding.starts();
        int[] ends = encoding.ends();
        for (int i = 0; i < idValues.length; i++) {
            ids.add(idValues[i]);
            tokens.add(tokenizer.tokenText(idValues[i]));
            spans.addArray().add(starts[i]).add(ends[i]);
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        return mapper.writer(printer).writeValueAsString(node) + "\n";
    }
}
