package org.reportplatform.platform.revisions;

import java.time.Duration;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.leadership.WriterLeadership;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.log.RevisionLog;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The beans of one family of revisioned resources, made in one place: for the noun {@code chapter},
 * {@code chapterReader} (a {@link RevisionReader} of its topic, closed with the context),
 * {@code chapterBook} (its {@link RevisionBook}) and {@code chapterLog} (its {@link RevisionLog},
 * which replays the topic into the book before the web server starts, then publishes its writes).
 *
 * <p>A service's configuration {@code @Import}s a subclass with a no-argument constructor that
 * names the family (see {@link ResourceFamily}); the bean types come from the subclass's type
 * arguments, so writes and controllers inject {@code RevisionLog<ChapterChanged>} and the book as
 * usual.
 *
 * @param <B> the book's type: {@code RevisionBook<E, S, R>} itself, or a subclass that names the family
 */
public abstract class RevisionBeans<E extends SpecificRecord, S extends SpecificRecord, R extends AtRevision,
        B extends RevisionBook<E, S, R>> implements BeanRegistrar {

    /** How long a write or a read of an old revision may wait for Kafka before the API answers 503. */
    public static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    private final ResourceFamily<E, S, R> family;
    private final Function<RevisionReader<E>, B> newBook;

    /** The beans of a family whose book is a subclass of its own, made by {@code newBook} (e.g. {@code ChapterBook::new}). */
    protected RevisionBeans(ResourceFamily<E, S, R> family, Function<RevisionReader<E>, B> newBook) {
        this.family = family;
        this.newBook = newBook;
    }

    /** The beans of a family whose book is a plain {@code RevisionBook<E, S, R>}. */
    @SuppressWarnings("unchecked")
    protected RevisionBeans(ResourceFamily<E, S, R> family) {
        this(family, reader -> (B) new RevisionBook<E, S, R>(family, reader));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void register(BeanRegistry registry, Environment environment) {
        ResolvableType declared = ResolvableType.forClass(getClass()).as(RevisionBeans.class);
        ParameterizedTypeReference<RevisionReader<E>> readerType =
                type(ResolvableType.forClassWithGenerics(RevisionReader.class, declared.getGeneric(0)));
        ParameterizedTypeReference<B> bookType = type(declared.getGeneric(3));
        ParameterizedTypeReference<RevisionLog<E>> logType =
                type(ResolvableType.forClassWithGenerics(RevisionLog.class, declared.getGeneric(0)));
        String reader = family.noun() + "Reader";
        String book = family.noun() + "Book";
        registry.registerBean(reader, readerType, spec -> spec.supplier(context ->
                new RevisionReader<>(family.topic(), context.bean(ConsumerFactory.class), KAFKA_TIMEOUT)));
        registry.registerBean(book, bookType, spec -> spec.supplier(context ->
                newBook.apply((RevisionReader<E>) context.bean(reader, RevisionReader.class))));
        // Where the instances of the service elect their writer, the log follows its topic until elected.
        boolean standbyFirst = WriterLeadership.elects(environment);
        registry.registerBean(family.noun() + "Log", logType, spec -> spec.supplier(context -> {
            B replayed = (B) context.bean(book, RevisionBook.class);
            return new RevisionLog<>(family.topic(), replayed::keyOf, replayed::apply, context.bean(KafkaTemplate.class),
                    context.bean(ConsumerFactory.class), KAFKA_TIMEOUT, standbyFirst);
        }));
    }

    private static <T> ParameterizedTypeReference<T> type(ResolvableType type) {
        return ParameterizedTypeReference.forType(type.getType());
    }
}
