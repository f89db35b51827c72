package org.attentionexplorer.io;

import static org.attentionexplorer.io.SafetensorsException.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attentionexplorer.math.FloatTensor;

/**
 * An open safetensors file: its header is read and checked when it is opened, and tensors are read one at a
 * time, by name, when asked for, so a caller that needs a few tensors of a 500 MB file reads only those.
 *
 * <p>Layout: 8 bytes little-endian unsigned header length N, N bytes of UTF-8 JSON header, then the data
 * buffer; each tensor's {@code data_offsets} count from the start of the buffer. Data is little-endian and
 * row-major.
 *
 * <p>Reads are positioned reads through a bounded buffer (no memory map, which Java 17 cannot unmap and
 * which would keep the file locked on Windows until a garbage collection), so reading a tensor needs its
 * float32 array and a small fixed buffer, never a copy of the file. Reads may run on several threads at once.
 * Every problem with the file is a {@link SafetensorsException} naming it.
 */
public final class SafetensorsFile implements AutoCloseable {
    /** Bytes read per positioned read: a multiple of every dtype's size. */
    static final int CHUNK_BYTES = 1 << 20;
    /** Size of the header-length prefix. */
    static final int PREFIX_BYTES = 8;
    /** The most elements one Java array (and so one {@link FloatTensor}) holds. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path file, FileChannel channel, long dataStart, SafetensorsHeader header) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        header.tensors().forEach(t -> byName.put(t.name(), t));
        this.tensors = Collections.unmodifiableMap(byName);
        this.metadata = header.metadata();
    }

    /**
     * Opens a file and checks its header against the file's size, before allocating anything the header asks
     * for. Close it when done (try-with-resources).
     */
    static SafetensorsFile open(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new SafetensorsException(source, null, "is a folder, not a safetensors file", null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new SafetensorsException(source, null, "no such file", e);
        } catch (IOException e) {
            throw new SafetensorsException(source, null, "cannot be opened: " + e.getMessage(), e);
        }
        try {
            long fileSize = channel.size();
            long headerLength = readHeaderLength(channel, fileSize);
            byte[] headerBytes = new byte[(int) headerLength];
            readFully(channel, ByteBuffer.wrap(headerBytes), PREFIX_BYTES);
            long dataStart = PREFIX_BYTES + headerLength;
            SafetensorsHeader header = SafetensorsHeader.parse(headerBytes, fileSize - dataStart);
            return new SafetensorsFile(file, channel, dataStart, header);
        } catch (SafetensorsException e) {
            closeQuietly(channel, e);
            throw e.file() == null ? e.in(source) : e;
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new SafetensorsException(source, null, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /** Reads and checks the 8-byte prefix; the length it returns fits in the file and under the cap. */
    private static long readHeaderLength(FileChannel channel, long fileSize) throws IOException {
        if (fileSize < PREFIX_BYTES) {
            throw new SafetensorsException(null, "is " + fileSize + " bytes long, too short for the 8-byte header length"
                    + " of a safetensors file (empty or truncated)");
        }
        ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, prefix, 0);
        long headerLength = prefix.getLong(0); // unsigned: a negative long is above 2^63
        long available = fileSize - PREFIX_BYTES;
        if (headerLength < 0 || headerLength > available) {
            throw new SafetensorsException(null, "the header length says " + Long.toUnsignedString(headerLength)
                    + " bytes, but only " + available + " follow it: the file is truncated or not a safetensors file");
        }
        if (headerLength > Safetensors.MAX_HEADER_BYTES) {
            throw new SafetensorsException(null, "the header length says " + headerLength + " bytes, more than the "
                    + Safetensors.MAX_HEADER_BYTES + " a safetensors header may have");
        }
        return headerLength;
    }

    public Path file() {
        return file;
    }

    /** The {@code __metadata__} strings, in header order (empty when the file has none). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The tensors' names, in the order of their data in the file. */
    public List<String> names() {
        return new ArrayList<>(tensors.keySet());
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The header entry of a tensor: dtype, shape and where its bytes are. */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new SafetensorsException(file.toString(), tensor(name), "no such tensor in this file (it has "
                    + tensors.size() + ")", null);
        }
        return info;
    }

    /** Reads one tensor, widened to float32 (dtype F32, F16 or BF16). */
    public FloatTensor read(String name) {
        TensorInfo info = info(name);
        String where = tensor(name);
        if (!info.dtype().readableAsFloat()) {
            throw new SafetensorsException(file.toString(), where, "has dtype " + info.dtype()
                    + "; only F32, F16 and BF16 tensors can be read as float32", null);
        }
        long count = info.elementCount();
        if (count > MAX_ARRAY_LENGTH) {
            throw new SafetensorsException(file.toString(), where, "has " + count + " elements, more than one array holds ("
                    + MAX_ARRAY_LENGTH + ")", null);
        }
        float[] values = new float[(int) count];
        try {
            readValues(info, values);
        } catch (IOException e) {
            throw new SafetensorsException(file.toString(), where, "cannot be read: " + e.getMessage(), e);
        }
        return FloatTensor.of(info.shape(), values);
    }

    /** Reads every tensor, in file order; all must be F32, F16 or BF16. */
    public Map<String, FloatTensor> readAll() {
        Map<String, FloatTensor> all = new LinkedHashMap<>();
        for (String name : tensors.keySet()) {
            all.put(name, read(name));
        }
        return all;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new SafetensorsException(file.toString(), null, "cannot be closed: " + e.getMessage(), e);
        }
    }

    /** Fills {@code values} from the tensor's bytes, a chunk at a time. */
    private void readValues(TensorInfo info, float[] values) throws IOException {
        int bytesPerValue = info.dtype().bytes();
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(info.byteLength(), 1)))
                .order(ByteOrder.LITTLE_ENDIAN);
        long position = dataStart + info.begin();
        int filled = 0;
        while (filled < values.length) {
            int n = Math.min(values.length - filled, chunk.capacity() / bytesPerValue);
            chunk.clear().limit(n * bytesPerValue);
            readFully(channel, chunk, position);
            chunk.flip();
            decode(info.dtype(), chunk, values, filled, n);
            position += (long) n * bytesPerValue;
            filled += n;
        }
    }

    private static void decode(Dtype dtype, ByteBuffer bytes, float[] values, int offset, int n) {
        switch (dtype) {
            case F32 -> bytes.asFloatBuffer().get(values, offset, n);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    values[offset + i] = HalfFloats.f16ToFloat(bytes.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    values[offset + i] = HalfFloats.bf16ToFloat(bytes.getShort(2 * i));
                }
            }
            default -> throw new IllegalStateException(dtype + " is not a float type");
        }
    }

    /** Reads until {@code buffer} is full; the file ending first means it changed since it was opened. */
    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ends at byte " + at + "; it was truncated while being read");
            }
            at += read;
        }
    }

    private static void closeQuietly(FileChannel channel, Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "SafetensorsFile[" + file + ", " + tensors.size() + " tensors]";
    }
}
