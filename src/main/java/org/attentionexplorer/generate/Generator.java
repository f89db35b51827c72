package org.attentionexplorer.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.attentionexplorer.model.CachedInference;
import org.attentionexplorer.model.Candidate;
import org.attentionexplorer.model.GptModel;
import org.attentionexplorer.text.Tokenizer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Generates text from a prompt, one token at a time with a key/value cache, reporting each step's choice and
 * its most probable candidates. A prompt longer than the context keeps its last tokens; once the sequence
 * fills the context, the cache is refilled with the last context - 1 tokens (the book's cropping), in one batched
 * forward pass.
 */
public final class Generator {
    private Generator() {
    }

    public static Generation generate(GptModel model, Tokenizer tokenizer, String prompt, SamplingSettings settings,
            Consumer<GenerationStep> onStep, BooleanSupplier cancelled) {
        int context = model.config().contextLength();
        int[] encoded = tokenizer.encode(prompt);
        if (encoded.length == 0) {
            OptionalInt start = tokenizer.endOfTextId();
            if (start.isEmpty()) {
                throw new IllegalArgumentException("the prompt has no tokens; type at least one character the model knows");
            }
            encoded = new int[] {start.getAsInt()};
        }
        boolean cropped = encoded.length > context;
        int[] promptIds = cropped ? Arrays.copyOfRange(encoded, encoded.length - context, encoded.length) : encoded;

        List<Integer> sequence = new ArrayList<>();
        for (int id : promptIds) {
            sequence.add(id);
        }
        CachedInference cache = new CachedInference(model);
        float[] logits = toFloats(cache.prefill(promptIds));
        Sampler sampler = new Sampler(settings);
        OptionalInt endOfText = tokenizer.endOfTextId();
        List<GenerationStep> steps = new ArrayList<>();
        Generation.StopReason reason = Generation.StopReason.MAX_TOKENS;
        for (int n = 0; n < settings.maxTokens(); n++) {
            if (cancelled.getAsBoolean()) {
                reason = Generation.StopReason.CANCELLED;
                break;
            }
            double[] distribution = sampler.distribution(logits);
            int id = sampler.choose(distribution);
            List<Candidate> candidates = Candidate.top(distribution, tokenizer, settings.candidates());
            GenerationStep step = new GenerationStep(id, tokenizer.tokenText(id), distribution[id], candidates);
            if (settings.stopAtEndOfText() && endOfText.isPresent() && id == endOfText.getAsInt()) {
                reason = Generation.StopReason.END_OF_TEXT;
                break;
            }
            steps.add(step);
            onStep.accept(step);
            sequence.add(id);
            if (n == settings.maxTokens() - 1) {
                break;
            }
            if (cache.length() == context) {
                cache.reset();
                int[] window = sequence.subList(sequence.size() - context, sequence.size() - 1).stream().mapToInt(i -> i).toArray();
                cache.prefill(window);   // one batched pass, not context - 1 token-by-token appends
            }
            logits = toFloats(cache.append(id));
        }
        int[] generated = steps.stream().mapToInt(GenerationStep::id).toArray();
        return new Generation(promptIds, cropped, steps, prompt + continuation(tokenizer, promptIds, generated), reason);
    }

    /**
     * The text the generated tokens add after the prompt, as the tokenizer joins them to it (a word tokenizer
     * puts a space between words): decode(prompt + generated) minus decode(prompt).
     */
    static String continuation(Tokenizer tokenizer, int[] promptIds, int[] generated) {
        int[] all = Arrays.copyOf(promptIds, promptIds.length + generated.length);
        System.arraycopy(generated, 0, all, promptIds.length, generated.length);
        String whole = tokenizer.decode(all);
        String prefix = tokenizer.decode(promptIds);
        return whole.startsWith(prefix) ? whole.substring(prefix.length()) : tokenizer.decode(generated);
    }

    private static float[] toFloats(org.nd4j.linalg.api.ndarray.INDArray array) {
        return array.castTo(DataType.FLOAT).dup().data().asFloat();
    }
}
