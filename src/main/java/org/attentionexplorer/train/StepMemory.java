package org.attentionexplorer.train;

import java.util.UUID;
import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native memory of the arrays a training step makes (activations, gradients, optimizer temporaries), reused
 * from step to step: an ND4J workspace, entered once per step (or per evaluation batch, or per sample) and reset
 * when that scope ends. Without it every step allocates about half a gigabyte of new off-heap arrays
 * (char-small, batch 16) that ND4J frees only when the Java GC happens to collect their Java objects.
 *
 * <p>The workspace learns its size from the first scope (which allocates outside it), then holds one block of
 * that size; a later, larger scope spills outside the block and the block grows to fit it the next time. Arrays
 * made inside a scope are valid only until it closes: anything that must outlive a step (parameters, AdamW's
 * moments) is allocated {@link #outside} it. A workspace belongs to the thread that made it; {@link #close()} on
 * that thread releases its block.
 */
final class StepMemory implements AutoCloseable {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.05)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();

    private final String id = "training-step-" + UUID.randomUUID();
    private MemoryWorkspace workspace;

    /** Runs {@code work} in the workspace's scope: every array it makes lives in the workspace until it returns. */
    <T> T inside(Supplier<T> work) {
        workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
        try {
            return work.get();
        } finally {
            workspace.close();
        }
    }

    /** Bytes the workspace holds now (0 before the first scope has closed). */
    long size() {
        return workspace == null ? 0 : workspace.getCurrentSize();
    }

    /** Makes arrays outside any workspace, e.g. state created lazily during a step that must outlive it. */
    static <T> T outside(Supplier<T> make) {
        MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
        try {
            return make.get();
        } finally {
            scope.close();
        }
    }

    /** Releases the workspace's block. Call it on the thread that entered it, outside its scope. */
    @Override
    public void close() {
        if (workspace != null) {
            workspace.destroyWorkspace();
            workspace = null;
        }
    }
}
