package org.attentionexplorer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.attentionexplorer.math.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of broken or lying file is refused with a message naming the file, the place and the problem. */
class SafetensorsErrorsTest {
    @TempDir
    Path dir;

    private SafetensorsException refusal(Path file) {
        SafetensorsException e = catchThrowableOfType(SafetensorsException.class, () -> {
            try (SafetensorsFile opened = Safetensors.open(file)) {
                opened.readAll();
            }
        });
        assertThat(e).as("expected %s to be refused", file).isNotNull();
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + ": ");
        return e;
    }

    private SafetensorsException refusal(String header, int dataBytes) throws IOException {
        return refusal(RawSafetensors.write(dir, "bad.safetensors", RawSafetensors.file(header, new byte[dataBytes])));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        not JSON               | {"a":                                                                        | 0  | header         | is not valid JSON (line 1, column
        text after the JSON    | {} x                                                                         | 0  | header         | is not valid JSON
        a JSON array           | [1, 2]                                                                       | 0  | header         | is not a JSON object
        only spaces            | `        `                                                                   | 0  | header         | is empty
        duplicate tensor       | {"a": {"dtype": "F32", "shape": [0], "data_offsets": [0, 0]}, "a": {}}       | 0  | header         | is not valid JSON (line 1, column 66): Duplicate field 'a'
        entry not an object    | {"a": 3}                                                                     | 0  | tensor "a"     | must be an object with dtype, shape and data_offsets, got 3
        missing dtype          | {"a": {"shape": [1], "data_offsets": [0, 4]}}                                | 4  | tensor "a"     | dtype is missing
        dtype not a string     | {"a": {"dtype": 32, "shape": [1], "data_offsets": [0, 4]}}                   | 4  | tensor "a"     | dtype must be a string such as "F32", got 32
        unknown dtype          | {"a": {"dtype": "F33", "shape": [1], "data_offsets": [0, 4]}}                | 4  | tensor "a"     | unknown dtype "F33"; known dtypes are [BOOL,
        missing shape          | {"a": {"dtype": "F32", "data_offsets": [0, 4]}}                              | 4  | tensor "a"     | shape is missing
        shape not a list       | {"a": {"dtype": "F32", "shape": 1, "data_offsets": [0, 4]}}                  | 4  | tensor "a"     | shape must be a list of dimensions, got 1
        negative dimension     | {"a": {"dtype": "F32", "shape": [2, -1], "data_offsets": [0, 4]}}            | 4  | tensor "a"     | shape[1] must be a whole number from 0 to 2147483647, got -1
        fractional dimension   | {"a": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}}              | 4  | tensor "a"     | shape[0] must be a whole number from 0 to 2147483647, got 1.5
        dimension beyond int   | {"a": {"dtype": "F32", "shape": [3000000000], "data_offsets": [0, 4]}}       | 4  | tensor "a"     | shape[0] must be a whole number from 0 to 2147483647, got 3000000000
        overflowing shape      | {"a": {"dtype": "F32", "shape": [2147483647, 2147483647, 2147483647], "data_offsets": [0, 4]}} | 4 | tensor "a" | shape [2147483647, 2147483647, 2147483647] is too large for any file
        missing data_offsets   | {"a": {"dtype": "F32", "shape": [1]}}                                        | 4  | tensor "a"     | data_offsets is missing
        one offset             | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [4]}}                   | 4  | tensor "a"     | data_offsets must be [begin, end], got [4]
        negative offset        | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [-4, 0]}}               | 4  | tensor "a"     | data_offsets[0] must be a whole number of at least 0, got -4
        offset beyond long     | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 99999999999999999999]}} | 4 | tensor "a" | data_offsets[1] must be a whole number of at least 0, got 99999999999999999999
        end before begin       | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 0]}}                | 4  | tensor "a"     | data_offsets [4, 0] end before they begin
        past the data          | {"a": {"dtype": "F32", "shape": [100], "data_offsets": [0, 400]}}            | 8  | tensor "a"     | data_offsets [0, 400] reach past the end of the data (8 bytes); the file may be truncated
        wrong byte length      | {"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}                | 8  | tensor "a"     | data_offsets [0, 8] hold 8 bytes, but F32 of shape [3] takes 12
        wrong length for F16   | {"a": {"dtype": "F16", "shape": [3], "data_offsets": [0, 12]}}               | 12 | tensor "a"     | data_offsets [0, 12] hold 12 bytes, but F16 of shape [3] takes 6
        overlap                | {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}} | 12 | tensor "b" | data_offsets [4, 12] overlap tensor "a" at [0, 8]
        same range twice       | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}} | 4 | tensor "b" | data_offsets [0, 4] overlap tensor "a" at [0, 4]
        gap between tensors    | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [8, 12]}} | 12 | | bytes 4 to 8 of the data belong to no tensor (a gap before tensor "b")
        gap at the start       | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}                | 8  |                | bytes 0 to 4 of the data belong to no tensor (a gap before tensor "a")
        bytes after the last   | {"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}                | 8  |                | the last 4 bytes of the data belong to no tensor
        data but no tensors    | {}                                                                           | 4  |                | the last 4 bytes of the data belong to no tensor
        metadata not an object | {"__metadata__": ["a"]}                                                      | 0  | __metadata__   | must be an object of strings, got ["a"]
        metadata not a string  | {"__metadata__": {"n": 1}}                                                   | 0  | __metadata__   | the value of "n" must be a string, got 1
        """)
    void brokenHeadersAreRefusedWithTheirPlace(String what, String header, int dataBytes, String location, String problem)
            throws IOException {
        SafetensorsException e = refusal(header, dataBytes);
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.problem()).startsWith(problem);
    }

    @Test
    void aFileShorterThanTheLengthPrefixIsRefused() throws IOException {
        assertThat(refusal(RawSafetensors.write(dir, "empty.safetensors", new byte[0])).problem())
                .isEqualTo("is 0 bytes long, too short for the 8-byte header length of a safetensors file (empty or truncated)");
        assertThat(refusal(RawSafetensors.write(dir, "five.safetensors", new byte[5])).problem()).startsWith("is 5 bytes long");
    }

    @Test
    void aHeaderLengthBeyondTheFileIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] header = "{}".getBytes();
        Path file = RawSafetensors.write(dir, "short.safetensors", RawSafetensors.file(1000, header, new byte[8]));
        assertThat(refusal(file).problem()).isEqualTo("the header length says 1000 bytes, but only 10 follow it:"
                + " the file is truncated or not a safetensors file");
    }

    /** All 64 bits set: as a signed long it is -1, as the format's unsigned length 2^64 - 1. */
    @Test
    void aHeaderLengthAboveTwoToThe63IsReadAsUnsigned() throws IOException {
        Path file = RawSafetensors.write(dir, "huge.safetensors", RawSafetensors.file(-1L, "{}".getBytes(), new byte[0]));
        assertThat(refusal(file).problem()).startsWith("the header length says 18446744073709551615 bytes, but only 2 follow it");
    }

    /** A sparse file large enough to hold the lying header, so that only the limit stops it. */
    @Test
    void aHeaderLengthAboveTheLimitIsRefusedEvenWhenTheFileIsThatLarge() throws IOException {
        Path file = RawSafetensors.write(dir, "large.safetensors",
                RawSafetensors.file(Safetensors.MAX_HEADER_BYTES + 1, "{}".getBytes(), new byte[0]));
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(Safetensors.MAX_HEADER_BYTES + 100);
        }
        assertThat(refusal(file).problem())
                .isEqualTo("the header length says 100000001 bytes, more than the 100000000 a safetensors header may have");
    }

    @Test
    void aHeaderThatIsNotUtf8IsRefused() throws IOException {
        byte[] header = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        Path file = RawSafetensors.write(dir, "latin.safetensors", RawSafetensors.file(header.length, header, new byte[0]));
        SafetensorsException e = refusal(file);
        assertThat(e.location()).isEqualTo("header");
        assertThat(e.problem()).isEqualTo("is not UTF-8 text, so this is not a safetensors file");
    }

    @Test
    void aTextFileIsNotTakenForASafetensorsFile() throws IOException {
        Path file = RawSafetensors.write(dir, "notes.txt", "Hello, this is a text file and not a model.".getBytes());
        assertThat(refusal(file).problem()).contains("the file is truncated or not a safetensors file");
    }

    @Test
    void aMissingFileAndAFolderAreNamed() throws IOException {
        assertThat(refusal(dir.resolve("nowhere.safetensors")).problem()).isEqualTo("no such file");
        Path folder = Files.createDirectory(dir.resolve("folder.safetensors"));
        assertThat(refusal(folder).problem()).isEqualTo("is a folder, not a safetensors file");
    }

    /** The data promised by a valid header goes missing after the file was opened. */
    @Test
    void aFileTruncatedAfterOpeningIsRefusedWhenRead() throws IOException {
        Path file = dir.resolve("shrinking.safetensors");
        Safetensors.write(file, Map.of("w", FloatTensor.of(new int[] {4}, new float[4])), Map.of());
        try (SafetensorsFile opened = Safetensors.open(file)) {
            try (RandomAccessFile shrink = new RandomAccessFile(file.toFile(), "rw")) {
                shrink.setLength(Files.size(file) - 4);
            }
            SafetensorsException e = catchThrowableOfType(SafetensorsException.class, () -> opened.read("w"));
            assertThat(e.location()).isEqualTo("tensor \"w\"");
            assertThat(e.problem()).startsWith("cannot be read: the file ends at byte").endsWith("it was truncated while being read");
        }
    }
}
