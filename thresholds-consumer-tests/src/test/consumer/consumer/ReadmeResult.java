package consumer;

import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.model.Referral;
import java.util.Set;

/** What the README's snippets leave behind: the referral, its evaluation and the forms drafted. */
record ReadmeResult(Referral referral, Evaluation result, Set<?> drafts) {}
