package org.attentionexplorer.train;

/**
 * One evaluation during training: the losses a chart plots against steps or tokens seen.
 *
 * @param step         optimizer steps taken so far
 * @param tokensSeen   training tokens consumed so far
 * @param trainLoss    mean cross-entropy over the evaluation batches of the training split
 * @param valLoss      mean cross-entropy over the validation batches (NaN when there is no validation split)
 * @param learningRate the learning rate at this step
 */
public record LossPoint(long step, long tokensSeen, double trainLoss, double valLoss, double learningRate) {
}
