package org.reportplatform.content.tokens;

import java.util.Comparator;
import java.util.List;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.PersonalTokenState;
import org.reportplatform.schemas.Topics;

/** Every personal token (revoked ones too), replayed from report.tokens.v1; keyed by token id, no edition. */
public class TokenBook extends RevisionBook<PersonalTokenChanged, PersonalTokenState, PersonalToken> {

    public static final ResourceFamily<PersonalTokenChanged, PersonalTokenState, PersonalToken> TOKENS = new ResourceFamily<>("token",
            Topics.PERSONAL_TOKENS, new Revisioned<>(PersonalTokenChanged::getTokenId, PersonalTokenChanged::getRevision,
                    PersonalTokenChanged::getMetadata, PersonalTokenChanged::getToken),
            PersonalToken::of, Comparator.comparing(PersonalToken::createdAt).thenComparing(PersonalToken::id), List.of());

    public TokenBook(RevisionReader<PersonalTokenChanged> log) {
        super(TOKENS, log);
    }

    /** A person's tokens, oldest first. */
    public List<PersonalToken> tokensOf(String accountId) {
        return list(null).stream().filter(t -> t.accountId().equals(accountId)).toList();
    }
}
