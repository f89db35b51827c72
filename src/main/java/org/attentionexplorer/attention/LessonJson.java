package org.attentionexplorer.attention;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.attentionexplorer.files.AtomicFiles;
import org.attentionexplorer.math.Matrix;

/**
 * Reads and writes lesson files (JSON; the schema is in the README). Reading never throws anything but a
 * {@link LessonException} for a bad file, and its message names the file, the field and the problem.
 *
 * <p>Explicit weights are written in the orientation of the lesson's module, so they can be pasted from
 * PyTorch: {@code [d_in][d_out]} for SelfAttention_v1's parameters, {@code [d_out][d_in]} (an
 * {@code nn.Linear} weight) for the others, with biases as plain arrays.
 */
public final class LessonJson {
    /** A lesson file larger than this is refused before it is parsed. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final Set<String> FIELDS = Set.of("name", "description", "tokens", "embeddings", "module", "dOut",
            "numHeads", "causal", "dropout", "training", "qkvBias", "seed", "weights");
    private static final Set<String> QKV_FIELDS = Set.of("query", "key", "value", "queryBias", "keyBias", "valueBias");
    private static final Set<String> WEIGHT_FIELDS = union(QKV_FIELDS, Set.of("heads", "outProj", "outProjBias"));

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so that NaN gets a clear message, not a parse error
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private LessonJson() {
    }

    /** The classpath resource of the lesson the app and the command line open by default: the book's example. */
    public static final String BUNDLED_LESSON = "lessons/your-journey.json";

    /** The bundled lesson (its absence is a packaging bug, not a user error). */
    public static Lesson bundled() {
        try (java.io.InputStream in = LessonJson.class.getClassLoader().getResourceAsStream(BUNDLED_LESSON)) {
            if (in == null) {
                throw new IllegalStateException("the bundled lesson " + BUNDLED_LESSON + " is missing from the application");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "your-journey");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the bundled lesson " + BUNDLED_LESSON + " cannot be read", e);
        }
    }

    /** Reads a lesson file; the lesson's name defaults to the file name. */
    public static Lesson read(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new LessonException(source, null, "is a folder, not a lesson file", null);
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new LessonException(source, null, String.format(Locale.ROOT, "is %.1f MB, too large to be a lesson (at most %.1f MB)",
                        size / 1e6, MAX_FILE_BYTES / 1e6), null);
            }
            String defaultName = file.getFileName().toString().replaceFirst("\\.json$", "");
            return parse(Files.readString(file), defaultName);
        } catch (LessonException e) {
            throw e.source() == null ? e.in(source) : e;
        } catch (NoSuchFileException e) {
            throw new LessonException(source, null, "no such file", e);
        } catch (IOException e) {
            throw new LessonException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses the text of a lesson file. */
    public static Lesson parse(String json, String defaultName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new LessonException(null, null, "is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LessonException(null, "a lesson is a JSON object ({ ... }) with tokens, embeddings and dOut");
        }
        checkKnownFields(root, FIELDS, "");

        List<String> tokens = readTokens(root.get("tokens"));
        Matrix embeddings = readMatrix(root.get("embeddings"), "embeddings");
        int numHeads = readInt(root, "numHeads", 1);
        AttentionModule module = readModule(root.get("module"), numHeads);
        if (!root.has("dOut")) {
            throw new LessonException("dOut", "missing: give the width of the queries, keys and values (the book uses 2)");
        }
        int dOut = readInt(root, "dOut", 0);
        boolean qkvBias = readBoolean(root, "qkvBias", false);
        ModuleWeights weights = root.has("weights") ? readWeights(root.get("weights"), module, qkvBias) : null;
        return new Lesson(
                readString(root, "name", defaultName),
                readString(root, "description", ""),
                tokens,
                embeddings,
                module,
                dOut,
                numHeads,
                readBoolean(root, "causal", false),
                readDouble(root, "dropout", 0.0),
                readBoolean(root, "training", true),
                qkvBias,
                readLong(root, "seed", 123),
                weights);
    }

    /** The lesson as a JSON object, in the file format (explicit weights included when the lesson has them). */
    public static ObjectNode toJson(Lesson lesson) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", lesson.name());
        node.put("description", lesson.description());
        ArrayNode tokens = node.putArray("tokens");
        lesson.tokens().forEach(tokens::add);
        node.set("embeddings", matrix(lesson.embeddings()));
        node.put("module", lesson.module().bookName());
        node.put("dOut", lesson.dOut());
        node.put("numHeads", lesson.numHeads());
        node.put("causal", lesson.causal());
        node.put("dropout", lesson.dropout());
        node.put("training", lesson.training());
        node.put("qkvBias", lesson.qkvBias());
        node.put("seed", lesson.seed());
        if (lesson.weights() != null) {
            node.set("weights", weightsToJson(lesson.weights()));
        }
        return node;
    }

    /**
     * Writes a lesson file, atomically: an interrupted write never leaves a half-written lesson in place of the
     * old one.
     */
    public static void write(Lesson lesson, Path file) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(lesson)) + "\n");
    }

    /** Weights as JSON, in the orientation of their module (see the class comment). */
    public static ObjectNode weightsToJson(ModuleWeights weights) {
        ObjectNode node = MAPPER.createObjectNode();
        boolean linear = weights.module().usesLinearLayers();
        if (weights.module().hasSeparateHeads()) {
            ArrayNode heads = node.putArray("heads");
            for (QkvWeights qkv : weights.qkv()) {
                heads.add(qkvToJson(qkv, linear));
            }
        } else {
            node.setAll(qkvToJson(weights.qkv().get(0), linear));
        }
        if (weights.outProj() != null) {
            putProjection(node, "outProj", weights.outProj(), true);
        }
        return node;
    }

    /** A matrix as an array of rows; {@code -inf} (a masked score) is written as the string "-Infinity". */
    public static ArrayNode matrix(Matrix matrix) {
        ArrayNode rows = MAPPER.createArrayNode();
        for (int r = 0; r < matrix.rows(); r++) {
            rows.add(vector(matrix.row(r)));
        }
        return rows;
    }

    public static ArrayNode vector(double[] values) {
        ArrayNode row = MAPPER.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                row.add(v);
            } else {
                row.add(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
            }
        }
        return row;
    }

    private static ObjectNode qkvToJson(QkvWeights qkv, boolean linear) {
        ObjectNode node = MAPPER.createObjectNode();
        putProjection(node, "query", qkv.query(), linear);
        putProjection(node, "key", qkv.key(), linear);
        putProjection(node, "value", qkv.value(), linear);
        return node;
    }

    private static void putProjection(ObjectNode node, String name, Projection projection, boolean linear) {
        node.set(name, matrix(linear ? projection.weight().transpose() : projection.weight()));
        if (projection.hasBias()) {
            node.set(name + "Bias", vector(projection.bias().row(0)));
        }
    }

    // ---- reading ----

    private static ModuleWeights readWeights(JsonNode node, AttentionModule module, boolean qkvBias) {
        if (!node.isObject()) {
            throw new LessonException("weights", "must be an object with query, key and value (or heads)");
        }
        checkKnownFields(node, WEIGHT_FIELDS, "weights.");
        boolean linear = module.usesLinearLayers();
        List<QkvWeights> qkv = new ArrayList<>();
        if (module.hasSeparateHeads()) {
            JsonNode heads = node.get("heads");
            if (heads == null || !heads.isArray() || heads.isEmpty()) {
                throw new LessonException("weights.heads", "MultiHeadAttentionWrapper weights are a list of heads, each with query, key and value");
            }
            for (String field : QKV_FIELDS) {
                if (node.has(field)) {
                    throw new LessonException("weights." + field, "belongs inside weights.heads[i] for MultiHeadAttentionWrapper");
                }
            }
            for (int h = 0; h < heads.size(); h++) {
                String prefix = "weights.heads[" + h + "].";
                if (!heads.get(h).isObject()) {
                    throw new LessonException("weights.heads[" + h + "]", "must be an object with query, key and value");
                }
                checkKnownFields(heads.get(h), QKV_FIELDS, prefix);
                qkv.add(readQkv(heads.get(h), prefix, linear, qkvBias));
            }
        } else {
            if (node.has("heads")) {
                throw new LessonException("weights.heads", "only MultiHeadAttentionWrapper has separate heads; " + module
                        + " has one query, key and value");
            }
            qkv.add(readQkv(node, "weights.", linear, qkvBias));
        }
        Projection outProj = null;
        if (module.hasOutProj()) {
            outProj = readProjection(node, "outProj", "weights.", true, true);
        } else if (node.has("outProj") || node.has("outProjBias")) {
            throw new LessonException("weights.outProj", module + " has no output projection");
        }
        return new ModuleWeights(module, qkv, outProj);
    }

    private static QkvWeights readQkv(JsonNode node, String prefix, boolean linear, boolean bias) {
        return new QkvWeights(
                readProjection(node, "query", prefix, linear, bias),
                readProjection(node, "key", prefix, linear, bias),
                readProjection(node, "value", prefix, linear, bias));
    }

    private static Projection readProjection(JsonNode node, String name, String prefix, boolean linear, boolean bias) {
        String field = prefix + name;
        if (!node.has(name)) {
            throw new LessonException(field, "missing");
        }
        Matrix stored = readMatrix(node.get(name), field);
        Matrix weight = linear ? stored.transpose() : stored;
        Matrix biasRow = null;
        if (node.has(name + "Bias")) {
            if (!bias) {
                throw new LessonException(field + "Bias", "given, but qkvBias is false");
            }
            biasRow = Matrix.rowVector(readVector(node.get(name + "Bias"), field + "Bias"));
            if (biasRow.cols() != weight.cols()) {
                throw new LessonException(field + "Bias", "has " + biasRow.cols() + " values but " + name + " has "
                        + weight.cols() + " outputs");
            }
        } else if (bias) {
            throw new LessonException(field + "Bias", "missing (qkvBias is true)");
        }
        return new Projection(weight, biasRow);
    }

    private static AttentionModule readModule(JsonNode node, int numHeads) {
        if (node == null) {
            return numHeads == 1 ? AttentionModule.SELF_ATTENTION_V1 : AttentionModule.MULTI_HEAD_ATTENTION;
        }
        if (!node.isTextual()) {
            throw new LessonException("module", "must be one of " + AttentionModule.bookNames());
        }
        return AttentionModule.byBookName(node.asText()).orElseThrow(() -> new LessonException("module",
                "unknown module '" + node.asText() + "'; use one of " + AttentionModule.bookNames()));
    }

    private static List<String> readTokens(JsonNode node) {
        if (node == null) {
            throw new LessonException("tokens", "missing: give one label per input, e.g. [\"Your\", \"journey\"]");
        }
        if (!node.isArray()) {
            throw new LessonException("tokens", "must be a list of strings");
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new LessonException("tokens[" + i + "]", "must be a string");
            }
            tokens.add(node.get(i).asText());
        }
        return tokens;
    }

    private static Matrix readMatrix(JsonNode node, String field) {
        if (node == null) {
            throw new LessonException(field, "missing: give a list of rows of numbers");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new LessonException(field, "must be a non-empty list of rows of numbers");
        }
        double[][] rows = new double[node.size()][];
        for (int r = 0; r < node.size(); r++) {
            rows[r] = readVector(node.get(r), field + "[" + r + "]");
            if (rows[r].length != rows[0].length) {
                throw new LessonException(field + "[" + r + "]", "has " + rows[r].length + " values but row 0 has "
                        + rows[0].length + "; every row must have the same length");
            }
        }
        return Matrix.of(rows);
    }

    private static double[] readVector(JsonNode node, String field) {
        if (!node.isArray() || node.isEmpty()) {
            throw new LessonException(field, "must be a non-empty list of numbers");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            String at = field + "[" + i + "]";
            if (!value.isNumber()) {
                throw new LessonException(at, "must be a number, got " + value);
            }
            values[i] = value.asDouble();
            if (!Double.isFinite(values[i])) {
                throw new LessonException(at, "must be a finite number, got " + value.asText());
            }
        }
        return values;
    }

    private static int readInt(JsonNode root, String field, int fallback) {
        long value = readLong(root, field, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new LessonException(field, value + " is out of range");
        }
        return (int) value;
    }

    private static long readLong(JsonNode root, String field, long fallback) {
        JsonNode node = root.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new LessonException(field, "must be a whole number, got " + node);
        }
        return node.asLong();
    }

    private static double readDouble(JsonNode root, String field, double fallback) {
        JsonNode node = root.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new LessonException(field, "must be a finite number, got " + node.asText());
        }
        return node.asDouble();
    }

    private static boolean readBoolean(JsonNode root, String field, boolean fallback) {
        JsonNode node = root.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new LessonException(field, "must be true or false, got " + node);
        }
        return node.asBoolean();
    }

    private static String readString(JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new LessonException(field, "must be a string");
        }
        return node.asText();
    }

    private static void checkKnownFields(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new LessonException(prefix + name, "unknown field; known fields are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
