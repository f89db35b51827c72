package org.attentionexplorer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made safetensors bytes for tests: any header (true or lying) and any data. */
final class RawSafetensors {
    private RawSafetensors() {
    }

    /** Length prefix (the header's true length), header as UTF-8, data. */
    static byte[] file(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return file(json.length, json, data);
    }

    /** Length prefix as given (it may lie), header bytes, data. */
    static byte[] file(long declaredHeaderLength, byte[] header, byte[] data) {
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(declaredHeaderLength).put(header).put(data).array();
    }

    static byte[] f32(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    /** Little-endian 16-bit patterns (F16 or BF16). */
    static byte[] halves(int... bits) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * bits.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int b : bits) {
            buffer.putShort((short) b);
        }
        return buffer.array();
    }

    static Path write(Path directory, String name, byte[] bytes) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
