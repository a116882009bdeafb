package io.eventsourcing.testing.cassandra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Ports that are free on every one of some loopback addresses, so that test clusters of concurrent builds do not collide. */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct ports, each free on every address. */
    static List<Integer> find(int count, List<String> addresses) {
        Set<Integer> ports = new HashSet<>();
        for (int attempt = 0; attempt < 100 && ports.size() < count; attempt++) {
            int port = anyFreePort(addresses.get(0));
            if (addresses.stream().allMatch(address -> isFree(address, port))) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("Found no " + count + " free ports on " + addresses);
        }
        return List.copyOf(ports);
    }

    private static int anyFreePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind on " + address, e);
        }
    }

    private static boolean isFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
