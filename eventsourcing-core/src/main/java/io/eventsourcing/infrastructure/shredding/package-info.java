/**
 * Crypto-shredding: the personal data of each data subject encrypted under the subject's own data key, kept wrapped
 * under the master key in a {@link io.eventsourcing.infrastructure.shredding.DataKeyStore}, and erased from the
 * history by destroying that key ({@link io.eventsourcing.infrastructure.shredding.DataSubjects#forget}).
 */
@NullMarked
package io.eventsourcing.infrastructure.shredding;

import org.jspecify.annotations.NullMarked;
