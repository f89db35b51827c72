package org.attentionexplorer.io;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types a safetensors header may name, by their names in the format. A file with any of them
 * can be opened and its tensors listed; {@link #readableAsFloat() F32, F16 and BF16} can be read as float32.
 */
public enum Dtype {
    BOOL(1), U8(1), I8(1), F8_E5M2(1), F8_E4M3(1),
    I16(2), U16(2), F16(2), BF16(2),
    I32(4), U32(4), F32(4),
    I64(8), U64(8), F64(8);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether {@link SafetensorsFile#read} can widen this type to float32 (F32, F16, BF16). */
    public boolean readableAsFloat() {
        return this == F32 || this == F16 || this == BF16;
    }

    /** The type of this name in a header ({@code "F32"}), if it is one. */
    static Optional<Dtype> byName(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
