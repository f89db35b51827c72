package org.attentionexplorer.ui.generate;

import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.text.Encoding;
import org.attentionexplorer.text.Tokenizer;

/**
 * One token of the prompt as the generation view shows it.
 *
 * @param text    the prompt's text this token came from (what the user typed, also for {@code <|unk|>}), with the
 *                spaces between it and the token before (which a word tokenizer leaves out of its tokens)
 * @param unknown the tokenizer did not know it: the model sees {@code <|unk|>}
 * @param seen    false for the tokens cut off the front of a prompt longer than the context
 */
public record PromptToken(String text, boolean unknown, boolean seen) {

    static List<PromptToken> of(Tokenizer tokenizer, String prompt, int context) {
        Encoding encoding = tokenizer.encodeWithSpans(prompt);
        int unknownId = tokenizer.unknownId().orElse(-1);
        int firstSeen = Math.max(0, encoding.size() - context);
        List<PromptToken> tokens = new ArrayList<>(encoding.size());
        for (int i = 0; i < encoding.size(); i++) {
            int from = i == 0 ? encoding.starts()[0] : Math.min(encoding.starts()[i], encoding.ends()[i - 1]);
            tokens.add(new PromptToken(prompt.substring(from, encoding.ends()[i]), encoding.ids()[i] == unknownId,
                    i >= firstSeen));
        }
        return List.copyOf(tokens);
    }
}
