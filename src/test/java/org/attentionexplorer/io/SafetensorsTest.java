package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.attentionexplorer.math.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    private static FloatTensor tensor(int[] shape, float... values) {
        return FloatTensor.of(shape, values);
    }

    private static Map<String, FloatTensor> sample() {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("wte.weight", tensor(new int[] {2, 3}, 1, 2, 3, 4, 5, 6));
        tensors.put("h.0.attn.c_attn.bias", tensor(new int[] {4}, Float.NaN, -0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE));
        tensors.put("empty", tensor(new int[] {0, 3}));
        tensors.put("a.scalar", tensor(new int[] {}, 42.5f));
        return tensors;
    }

    private Set<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void whatIsWrittenIsReadBackInTheSameOrderWithItsMetadata() throws IOException {
        Path file = dir.resolve("sample.safetensors");
        Safetensors.write(file, sample(), Map.of("note", "hello", "ünïcode", "✓"));
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.names()).containsExactly("wte.weight", "h.0.attn.c_attn.bias", "empty", "a.scalar");
            assertThat(read.metadata()).containsOnly(Map.entry("note", "hello"), Map.entry("ünïcode", "✓"));
            assertThat(read.info("wte.weight").shape()).containsExactly(2, 3);
            assertThat(read.info("wte.weight").dtype()).isEqualTo(Dtype.F32);
            assertThat(read.info("a.scalar").shape()).isEmpty();
            // FloatTensor.equals compares bits: NaN, -0.0, infinity and the subnormal all survive
            assertThat(read.readAll()).isEqualTo(sample());
        }
    }

    @Test
    void theFileIsLaidOutAsTheFormatSays() throws IOException {
        Path file = dir.resolve("layout.safetensors");
        Safetensors.write(file, Map.of("x", tensor(new int[] {2}, 1.0f, -2.0f)), Map.of("a", "b"));
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String expectedJson = "{\"__metadata__\":{\"a\":\"b\"},\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

        assertThat(headerLength % 8).isZero();
        assertThat(bytes).hasSize((int) (8 + headerLength + 8));
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(header).startsWith(expectedJson);
        assertThat(header.substring(expectedJson.length())).matches(" {0,7}");
        // 1.0f = 0x3F800000 and -2.0f = 0xC0000000, little-endian
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length))
                .containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0);
    }

    @Test
    void aFileWithNoTensorsAndNoMetadataIsTheSmallestValidFile() throws IOException {
        Path file = dir.resolve("empty.safetensors");
        Safetensors.write(file, Map.of(), Map.of());
        assertThat(Files.size(file)).isEqualTo(16); // the length, then "{}" padded to 8
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.names()).isEmpty();
            assertThat(read.metadata()).isEmpty();
        }
    }

    /** As Python's safetensors writes it: compact JSON, metadata last, tensors in a different order than their data. */
    @Test
    void readsAFileLaidOutAsPythonWritesIt() throws IOException {
        String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"__metadata__\":{\"format\":\"pt\"}}";
        header = header + " ".repeat((8 - header.length() % 8) % 8);
        Path file = RawSafetensors.write(dir, "python.safetensors", RawSafetensors.file(header, RawSafetensors.f32(1.5f, -7f)));
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.names()).containsExactly("a", "b"); // the order of the data
            assertThat(read.read("a").get(0)).isEqualTo(1.5f);
            assertThat(read.read("b").get(0)).isEqualTo(-7f);
            assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"));
        }
    }

    @Test
    void readsF16AndBf16AsFloat32() throws IOException {
        String header = "{\"half\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                + "\"brain\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[8,14]}}";
        byte[] data = new byte[14];
        System.arraycopy(RawSafetensors.halves(0x3C00, 0xC000, 0x0001, 0x7C00), 0, data, 0, 8);
        System.arraycopy(RawSafetensors.halves(0x3F80, 0x4049, 0xFF80), 0, data, 8, 6);
        Path file = RawSafetensors.write(dir, "halves.safetensors", RawSafetensors.file(header, data));
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.info("half").dtype()).isEqualTo(Dtype.F16);
            assertThat(read.read("half")).isEqualTo(tensor(new int[] {2, 2}, 1.0f, -2.0f, 0x1p-24f, Float.POSITIVE_INFINITY));
            assertThat(read.read("brain")).isEqualTo(tensor(new int[] {3}, 1.0f, 3.140625f, Float.NEGATIVE_INFINITY));
        }
    }

    /** Tensors longer than the read buffer come back whole, for 4-byte and 2-byte types. */
    @Test
    void tensorsLargerThanTheReadBufferAreReadWhole() throws IOException {
        int floats = SafetensorsFile.CHUNK_BYTES / 4 + 3;
        float[] values = new float[floats];
        for (int i = 0; i < floats; i++) {
            values[i] = i * 0.5f - 1000f;
        }
        int halves = SafetensorsFile.CHUNK_BYTES / 2 + 5;
        int[] bits = new int[halves];
        float[] widened = new float[halves];
        for (int i = 0; i < halves; i++) {
            bits[i] = (i * 7) & 0x7BFF; // finite F16 patterns
            widened[i] = HalfFloats.f16ToFloat((short) bits[i]);
        }
        Path big = dir.resolve("big.safetensors");
        Safetensors.write(big, Map.of("big", FloatTensor.of(new int[] {floats}, values)), Map.of());
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[" + halves + "],\"data_offsets\":[0," + 2 * halves + "]}}";
        Path half = RawSafetensors.write(dir, "half.safetensors", RawSafetensors.file(header, RawSafetensors.halves(bits)));

        try (SafetensorsFile read = Safetensors.open(big)) {
            // FloatTensor.equals (Arrays.equals): AssertJ's element-by-element comparison takes seconds at this size
            assertThat(read.read("big")).isEqualTo(FloatTensor.of(new int[] {floats}, values));
        }
        try (SafetensorsFile read = Safetensors.open(half)) {
            assertThat(read.read("h")).isEqualTo(FloatTensor.of(new int[] {halves}, widened));
        }
    }

    /** Data is read when a tensor is asked for, not when the file is opened. */
    @Test
    void readsEachTensorOnlyWhenAskedFor() throws IOException {
        Path file = dir.resolve("lazy.safetensors");
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("first", tensor(new int[] {1}, 1f));
        tensors.put("second", tensor(new int[] {1}, 2f));
        Safetensors.write(file, tensors, Map.of());
        try (SafetensorsFile read = Safetensors.open(file)) {
            // rewrite the last four bytes (the data of "second") after opening
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(RawSafetensors.f32(99f)), Files.size(file) - 4);
            }
            assertThat(read.read("first").get(0)).isEqualTo(1f);
            assertThat(read.read("second").get(0)).isEqualTo(99f);
        }
    }

    @Test
    void tensorsOfOtherTypesAreListedButNotReadAsFloats() throws IOException {
        String header = "{\"ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}}";
        byte[] data = new byte[20];
        System.arraycopy(RawSafetensors.f32(3f), 0, data, 16, 4);
        Path file = RawSafetensors.write(dir, "mixed.safetensors", RawSafetensors.file(header, data));
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.names()).containsExactly("ids", "w");
            assertThat(read.info("ids").dtype()).isEqualTo(Dtype.I64);
            assertThat(read.read("w").get(0)).isEqualTo(3f);
            assertThatThrownBy(() -> read.read("ids")).isInstanceOf(SafetensorsException.class)
                    .hasMessage(file + ": tensor \"ids\": has dtype I64; only F32, F16 and BF16 tensors can be read as float32");
        }
    }

    @Test
    void askingForATensorTheFileLacksSaysWhich() throws IOException {
        Path file = dir.resolve("one.safetensors");
        Safetensors.write(file, Map.of("w", tensor(new int[] {1}, 1f)), Map.of());
        try (SafetensorsFile read = Safetensors.open(file)) {
            assertThat(read.contains("w")).isTrue();
            assertThat(read.contains("v")).isFalse();
            assertThatThrownBy(() -> read.read("v")).isInstanceOf(SafetensorsException.class)
                    .hasMessage(file + ": tensor \"v\": no such tensor in this file (it has 1)");
        }
    }

    @Test
    void aTensorCannotTakeTheMetadataName() {
        Path file = dir.resolve("bad.safetensors");
        assertThatThrownBy(() -> Safetensors.write(file, Map.of("__metadata__", tensor(new int[] {1}, 1f)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("__metadata__");
        assertThat(file).doesNotExist();
    }

    /** A map that fails while it is being written leaves the previous file and no temporary file. */
    @Test
    void aFailedWriteLeavesThePreviousFile() throws IOException {
        Path file = dir.resolve("kept.safetensors");
        Safetensors.write(file, Map.of("old", tensor(new int[] {1}, 1f)), Map.of());
        byte[] before = Files.readAllBytes(file);
        Map<String, FloatTensor> failing = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Set<Map.Entry<String, FloatTensor>> entrySet() {
                throw new IllegalStateException("the model was closed while saving");
            }
        };
        assertThatThrownBy(() -> Safetensors.write(file, failing, Map.of())).hasMessage("the model was closed while saving");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly("kept.safetensors");
    }
}
