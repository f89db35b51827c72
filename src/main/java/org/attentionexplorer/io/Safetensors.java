package org.attentionexplorer.io;

import org.attentionexplorer.files.AtomicFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attentionexplorer.math.FloatTensor;

/**
 * The safetensors format (Hugging Face's file format for tensors, readable from Python with
 * {@code safetensors.torch.load_file}): opening files to read and writing float32 files.
 *
 * <pre>
 * [8 bytes]  N, the header length: unsigned little-endian
 * [N bytes]  header: UTF-8 JSON {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 *                                "__metadata__": {"key": "value", ...}}, padded with spaces to a multiple of 8
 * [rest]     data buffer: each tensor's bytes at [begin, end) from the start of the buffer, little-endian,
 *            row-major, tensors one after another with no gaps
 * </pre>
 */
public final class Safetensors {
    /** A header longer than this is refused before it is read (the limit of the reference implementation). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final int HEADER_ALIGNMENT = 8;

    private Safetensors() {
    }

    /**
     * Opens a file and checks its header; tensors are read when asked for. Close the result when done.
     *
     * @throws SafetensorsException when the file is missing, unreadable or not a valid safetensors file
     */
    public static SafetensorsFile open(Path file) {
        return SafetensorsFile.open(file);
    }

    /**
     * Writes tensors as F32, in the map's iteration order, with metadata; the file is replaced atomically (see
     * {@link AtomicFiles}), so a failed write leaves any previous file as it was.
     *
     * @param tensors  by name, in the order to store them; no name may be {@code __metadata__}
     * @param metadata strings stored under {@code __metadata__} (omitted when empty)
     */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(file, content(tensors, metadata));
    }

    /** As {@link #write(Path, Map, Map)}, to a channel, which is left open. */
    public static void write(WritableByteChannel channel, Map<String, FloatTensor> tensors, Map<String, String> metadata)
            throws IOException {
        content(tensors, metadata).writeTo(channel);
    }

    /**
     * Checks the arguments and builds the header, before anything is written, and returns what writes the file.
     * The tensors are taken in one pass over the map, so the header and the data cannot disagree.
     */
    static AtomicFiles.Content content(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, FloatTensor>> entries = new ArrayList<>(tensors.size());
        for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "a tensor name is null");
            if (name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("a tensor cannot be named " + SafetensorsHeader.METADATA_KEY);
            }
            Objects.requireNonNull(entry.getValue(), () -> "tensor \"" + name + "\" is null");
            entries.add(Map.entry(name, entry.getValue()));
        }
        byte[] header = header(entries, metadata);
        return channel -> {
            ByteBuffer prefix = ByteBuffer.allocate(SafetensorsFile.PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(header.length).flip();
            writeFully(channel, prefix);
            writeFully(channel, ByteBuffer.wrap(header));
            writeData(channel, entries);
        };
    }

    /** The header JSON, padded with spaces to a multiple of 8 bytes. */
    private static byte[] header(List<Map.Entry<String, FloatTensor>> entries, Map<String, String> metadata) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(SafetensorsHeader.METADATA_KEY);
            metadata.forEach((key, value) -> meta.put(Objects.requireNonNull(key, "a metadata key is null"),
                    Objects.requireNonNull(value, () -> "metadata \"" + key + "\" is null")));
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> entry : entries) {
            FloatTensor tensor = entry.getValue();
            long end = offset + (long) tensor.size() * Dtype.F32.bytes();
            ObjectNode info = root.putObject(entry.getKey());
            info.put("dtype", Dtype.F32.name());
            ArrayNode shape = info.putArray("shape");
            for (int dim : tensor.shape()) {
                shape.add(dim);
            }
            info.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = Json.write(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + HEADER_ALIGNMENT - 1) / HEADER_ALIGNMENT * HEADER_ALIGNMENT;
        if (padded > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("the header would be " + padded + " bytes, more than the "
                    + MAX_HEADER_BYTES + " a safetensors reader accepts");
        }
        byte[] header = new byte[padded];
        System.arraycopy(json, 0, header, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            header[i] = ' ';
        }
        return header;
    }

    /** The tensors' values as little-endian float32, through one bounded buffer. */
    private static void writeData(WritableByteChannel channel, List<Map.Entry<String, FloatTensor>> entries) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(SafetensorsFile.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, FloatTensor> entry : entries) {
            FloatTensor tensor = entry.getValue();
            for (int i = 0; i < tensor.size(); i++) {
                if (!chunk.hasRemaining()) {
                    writeFully(channel, chunk.flip());
                    chunk.clear();
                }
                chunk.putFloat(tensor.get(i));
            }
        }
        writeFully(channel, chunk.flip());
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
