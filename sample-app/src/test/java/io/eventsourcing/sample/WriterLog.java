package io.eventsourcing.sample;

import java.util.List;

/**
 * What one crash-test writer did until the application was killed.
 *
 * @param acknowledged its writes that got a 2xx answer, in the order it sent them
 * @param unanswered its last write, which got no answer: the application may or may not have stored it
 */
record WriterLog(List<Write> acknowledged, Write unanswered) {
}
