/** A customer whose events hold personal data, for the contract tests of crypto-shredding. */
@NullMarked
package io.eventsourcing.testing.shredding;

import org.jspecify.annotations.NullMarked;
