package io.vettify.crm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy a test can cut, restore, or make swallow the server's replies (a broker that stops
 * confirming). It only ever connects to a port on 127.0.0.1.
 */
public final class TcpProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ServerSocket server;
    private volatile boolean down;
    private volatile boolean swallowReplies;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, LOOPBACK);
        this.port = server.getLocalPort();
        accept();
    }

    public int port() {
        return port;
    }

    /** Drops every connection and closes new ones at once, like a broker that went away. */
    public void cut() throws IOException {
        down = true;
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Serves connections again. */
    public void restore() {
        swallowReplies = false;
        down = false;
    }

    /** Keeps forwarding what clients send but drops everything the server answers. */
    public void swallowReplies(boolean swallow) {
        this.swallowReplies = swallow;
    }

    private void accept() {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (down) {
                        client.close();
                        continue;
                    }
                    Socket upstream = new Socket(LOOPBACK, targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream, false);
                    pump(upstream, client, true);
                } catch (IOException e) {
                    // the proxy was closed, or the target refused: the client sees its connection end
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to, boolean replies) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (down) {
                        break; // a connection made while the proxy was being cut must not outlive the cut
                    }
                    if (!(replies && swallowReplies)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed: close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
