package org.attentionexplorer.io;

import static org.attentionexplorer.io.SafetensorsException.tensor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file, parsed and checked against the size of the data buffer that follows
 * it: every tensor entry complete and consistent, and the tensors' byte ranges tiling the buffer exactly (no
 * gap, no overlap, nothing past its end). Problems are {@link SafetensorsException}s without a file; the
 * caller adds it.
 *
 * @param tensors  the entries in the order of their data in the buffer
 * @param metadata the {@code __metadata__} strings, in header order (empty when there are none)
 */
record SafetensorsHeader(List<TensorInfo> tensors, Map<String, String> metadata) {
    /** The header key that holds the metadata instead of a tensor. */
    static final String METADATA_KEY = "__metadata__";

    SafetensorsHeader {
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Parses header bytes (UTF-8 JSON) that are followed by {@code bufferBytes} bytes of tensor data. */
    static SafetensorsHeader parse(byte[] json, long bufferBytes) {
        JsonNode root;
        try {
            root = Json.parse(decodeUtf8(json));
        } catch (IllegalArgumentException e) {
            throw new SafetensorsException("header", e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new SafetensorsException("header", "is empty; a safetensors header is a JSON object");
        }
        if (!root.isObject()) {
            throw new SafetensorsException("header", "is not a JSON object, so this is not a safetensors file");
        }
        Map<String, String> metadata = Map.of();
        List<TensorInfo> tensors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(METADATA_KEY)) {
                metadata = readMetadata(field.getValue());
            } else {
                tensors.add(readTensor(field.getKey(), field.getValue(), bufferBytes));
            }
        }
        // stable sort: zero-length tensors at the same offset keep their header order
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        checkTiling(tensors, bufferBytes);
        return new SafetensorsHeader(tensors, metadata);
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsException("header", "is not UTF-8 text, so this is not a safetensors file");
        }
    }

    private static Map<String, String> readMetadata(JsonNode node) {
        if (!node.isObject()) {
            throw new SafetensorsException(METADATA_KEY, "must be an object of strings, got " + Json.snippet(node));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new SafetensorsException(METADATA_KEY, "the value of \"" + field.getKey()
                        + "\" must be a string, got " + Json.snippet(field.getValue()));
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
        return metadata;
    }

    private static TensorInfo readTensor(String name, JsonNode node, long bufferBytes) {
        String where = tensor(name);
        if (!node.isObject()) {
            throw new SafetensorsException(where, "must be an object with dtype, shape and data_offsets, got "
                    + Json.snippet(node));
        }
        Dtype dtype = readDtype(where, node.get("dtype"));
        int[] shape = readShape(where, node.get("shape"));
        long[] offsets = readOffsets(where, node.get("data_offsets"));
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw new SafetensorsException(where, "data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > bufferBytes) {
            throw new SafetensorsException(where, "data_offsets [" + begin + ", " + end + "] reach past the end of the data ("
                    + bufferBytes + " bytes); the file may be truncated");
        }
        long expectedBytes = byteCount(where, shape, dtype);
        if (end - begin != expectedBytes) {
            throw new SafetensorsException(where, "data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes, but " + dtype + " of shape " + Arrays.toString(shape) + " takes " + expectedBytes);
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static Dtype readDtype(String where, JsonNode node) {
        if (node == null) {
            throw new SafetensorsException(where, "dtype is missing");
        }
        if (!node.isTextual()) {
            throw new SafetensorsException(where, "dtype must be a string such as \"F32\", got " + Json.snippet(node));
        }
        return Dtype.byName(node.textValue()).orElseThrow(() -> new SafetensorsException(where,
                "unknown dtype \"" + node.textValue() + "\"; known dtypes are " + Arrays.toString(Dtype.values())));
    }

    private static int[] readShape(String where, JsonNode node) {
        if (node == null) {
            throw new SafetensorsException(where, "shape is missing");
        }
        if (!node.isArray()) {
            throw new SafetensorsException(where, "shape must be a list of dimensions, got " + Json.snippet(node));
        }
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode dim = node.get(i);
            if (!dim.isIntegralNumber() || !dim.canConvertToInt() || dim.intValue() < 0) {
                throw new SafetensorsException(where, "shape[" + i + "] must be a whole number from 0 to "
                        + Integer.MAX_VALUE + ", got " + Json.snippet(dim));
            }
            shape[i] = dim.intValue();
        }
        return shape;
    }

    private static long[] readOffsets(String where, JsonNode node) {
        if (node == null) {
            throw new SafetensorsException(where, "data_offsets is missing");
        }
        if (!node.isArray() || node.size() != 2) {
            throw new SafetensorsException(where, "data_offsets must be [begin, end], got " + Json.snippet(node));
        }
        long[] offsets = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode offset = node.get(i);
            if (!offset.isIntegralNumber() || !offset.canConvertToLong() || offset.longValue() < 0) {
                throw new SafetensorsException(where, "data_offsets[" + i + "] must be a whole number of at least 0, got "
                        + Json.snippet(offset));
            }
            offsets[i] = offset.longValue();
        }
        return offsets;
    }

    /** Bytes a tensor of this shape and dtype takes; refuses a shape whose size overflows. */
    private static long byteCount(String where, int[] shape, Dtype dtype) {
        if (Arrays.stream(shape).anyMatch(dim -> dim == 0)) {
            return 0;
        }
        try {
            long count = dtype.bytes();
            for (int dim : shape) {
                count = Math.multiplyExact(count, dim);
            }
            return count;
        } catch (ArithmeticException e) {
            throw new SafetensorsException(where, "shape " + Arrays.toString(shape) + " is too large for any file");
        }
    }

    /** The sorted byte ranges must follow each other from 0 to the end of the buffer. */
    private static void checkTiling(List<TensorInfo> sorted, long bufferBytes) {
        long covered = 0;
        TensorInfo previous = null;
        for (TensorInfo t : sorted) {
            if (t.begin() > covered) {
                throw new SafetensorsException(null, "bytes " + covered + " to " + t.begin() + " of the data belong to no tensor"
                        + " (a gap before " + tensor(t.name()) + ")");
            }
            if (t.begin() < covered) {
                throw new SafetensorsException(tensor(t.name()), "data_offsets [" + t.begin() + ", " + t.end() + "] overlap "
                        + tensor(previous.name()) + " at [" + previous.begin() + ", " + previous.end() + "]");
            }
            covered = t.end();
            previous = t;
        }
        if (covered != bufferBytes) {
            throw new SafetensorsException(null, "the last " + (bufferBytes - covered)
                    + " bytes of the data belong to no tensor");
        }
    }
}
