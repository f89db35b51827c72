package org.attentionexplorer.testing;

import org.attentionexplorer.data.Batch;
import org.attentionexplorer.data.BatchSource;

/**
 * Training batches that are easy to learn: 4 windows of 8 tokens of the cycle 0 1 2 3 4 5 6 0 1 ... (a vocabulary
 * of 7), each starting at {@code step * stepShift + row * rowShift} (mod 7). The same every time for a step.
 */
public final class CycleBatches {
    private CycleBatches() {
    }

    public static BatchSource of(int stepShift, int rowShift) {
        return new BatchSource() {
            @Override
            public int batchSize() {
                return 4;
            }

            @Override
            public int length() {
                return 8;
            }

            @Override
            public Batch batch(long step) {
                int[][] windows = new int[4][9];
                for (int b = 0; b < 4; b++) {
                    for (int t = 0; t < 9; t++) {
                        windows[b][t] = (int) ((step * stepShift + b * rowShift + t) % 7);
                    }
                }
                return Batch.ofWindows(windows);
            }
        };
    }
}
