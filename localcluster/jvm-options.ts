/**
 * The JVM command lines of a node and of nodetool: on Java 17 for 5.0, on Java 11 for 4.0 and 4.1.
 * The module flags are those of Cassandra's own jvm17-server.options / jvm11-server.options: without
 * them Cassandra fails at start-up on reflective access (Java 17) or warns at every access (Java 11).
 */
import { join } from 'node:path';
import type { CassandraArtifacts } from './artifacts';
import { jolokiaAgentArgument } from './jolokia-agent';
import type { ClusterPaths } from './state';
import type { NodeSpec } from './topology';
import { javaMajorFor, seriesOf } from './versions';

const JAVA17_MODULE_FLAGS = [
  '--add-exports',
  'java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports',
  'java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED',
  '--add-exports',
  'java.management/com.sun.jmx.remote.security=ALL-UNNAMED',
  '--add-exports',
  'java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports',
  'java.rmi/sun.rmi.server=ALL-UNNAMED',
  '--add-exports',
  'java.sql/java.sql=ALL-UNNAMED',
  '--add-exports',
  'java.base/java.lang.ref=ALL-UNNAMED',
  '--add-exports',
  'jdk.unsupported/sun.misc=ALL-UNNAMED',
  '--add-exports',
  'jdk.attach/sun.tools.attach=ALL-UNNAMED',
  '--add-exports',
  'jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-opens',
  'jdk.compiler/com.sun.tools.javac=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang.module=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.loader=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.reflect=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.math=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.module=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.util.jar=ALL-UNNAMED',
  '--add-opens',
  'jdk.management/com.sun.management.internal=ALL-UNNAMED',
  '--add-opens',
  'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.io=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.util=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.nio=ALL-UNNAMED',
  '-Djdk.attach.allowAttachSelf=true',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

/** Cassandra 4.0/4.1's jvm11-server.options (Java 11 still permits what is not listed, with a warning). */
const JAVA11_MODULE_FLAGS = [
  '-Djdk.attach.allowAttachSelf=true',
  '--add-exports',
  'java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports',
  'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-exports',
  'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports',
  'java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED',
  '--add-exports',
  'java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports',
  'java.rmi/sun.rmi.server=ALL-UNNAMED',
  '--add-exports',
  'java.sql/java.sql=ALL-UNNAMED',
  // Ours: the stand-alone HTTP server the Jolokia agent uses where jdk.httpserver is missing reads its settings with these.
  '--add-exports',
  'java.base/sun.security.action=ALL-UNNAMED',
  '--add-opens',
  'java.base/java.lang.module=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.loader=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.reflect=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.math=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.module=ALL-UNNAMED',
  '--add-opens',
  'java.base/jdk.internal.util.jar=ALL-UNNAMED',
  '--add-opens',
  'jdk.management/com.sun.management.internal=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

/** The module flags for a Java major version (by default the one the artifacts' release runs on). */
export function moduleFlags(
  artifacts: Pick<CassandraArtifacts, 'version'>,
  javaMajor: 11 | 17 = javaMajorFor(seriesOf(artifacts.version)),
): string[] {
  return javaMajor === 17 ? JAVA17_MODULE_FLAGS : JAVA11_MODULE_FLAGS;
}

function fileUrl(path: string): string {
  return `file://${path}`;
}

export function nodeJvmArgs(
  paths: ClusterPaths,
  artifacts: CassandraArtifacts,
  node: NodeSpec,
  heapMb: number,
  extraClasspath: string[] = [],
): string[] {
  const nodeDir = paths.nodeDir(node.index);
  const conf = paths.confDir(node.index);
  return [
    `-Xms${heapMb}m`,
    `-Xmx${heapMb}m`,
    '-Xss256k',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=300',
    '-XX:+ParallelRefProcEnabled',
    // Several nodes share two cores: one GC thread each keeps them from starving one another.
    '-XX:ParallelGCThreads=1',
    '-XX:ConcGCThreads=1',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:+HeapDumpOnOutOfMemoryError',
    `-XX:HeapDumpPath=${nodeDir}`,
    '-ea',
    '-da:net.openhft...',
    '-Djava.net.preferIPv4Stack=true',
    '-Dchronicle.analytics.disable=true',
    ...moduleFlags(artifacts),
    ...(artifacts.jammJar ? [`-javaagent:${artifacts.jammJar}`] : []),
    // Locked down (policy, no proxy, basic auth): see jolokia-agent.ts and docs/jolokia.md.
    jolokiaAgentArgument(artifacts.jolokiaAgentJar, paths, node),
    `-Dcassandra.jmx.local.port=${node.jmxPort}`,
    '-Dcom.sun.management.jmxremote.authenticate=false',
    `-Dcassandra.config=${fileUrl(join(conf, 'cassandra.yaml'))}`,
    `-Dcassandra-rackdc.properties=${fileUrl(join(conf, 'cassandra-rackdc.properties'))}`,
    `-Dlogback.configurationFile=${join(conf, 'logback.xml')}`,
    `-Dcassandra.logdir=${paths.logsDir(node.index)}`,
    `-Dcassandra.storagedir=${nodeDir}`,
    '-Dcassandra-foreground=yes',
    `-Dcassandra-pidfile=${join(nodeDir, 'cassandra.pid')}`,
    // A local cluster has nothing to wait for: skip the production start-up delays.
    '-Dcassandra.skip_wait_for_gossip_to_settle=0',
    '-Dcassandra.ring_delay_ms=5000',
    '-cp',
    [conf, join(artifacts.libDir, '*'), ...extraClasspath].join(':'),
    'org.apache.cassandra.service.CassandraDaemon',
  ];
}

export function nodetoolJvmArgs(
  paths: ClusterPaths,
  artifacts: CassandraArtifacts,
  node: NodeSpec,
  nodetoolArgs: string[],
  /** The Java nodetool runs on, when not the one the nodes run on (java-runtime.ts `nodetool`). */
  javaMajor?: 11 | 17,
): string[] {
  const toolsDir = join(paths.dir, 'tools');
  return [
    '-Xmx128m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    ...moduleFlags(artifacts, javaMajor),
    `-Dcassandra.storagedir=${toolsDir}`,
    `-Dcassandra.logdir=${join(toolsDir, 'logs')}`,
    `-Dlogback.configurationFile=${join(paths.confDir(node.index), 'logback-tools.xml')}`,
    '-cp',
    join(artifacts.libDir, '*'),
    'org.apache.cassandra.tools.NodeTool',
    '-h',
    '127.0.0.1',
    '-p',
    String(node.jmxPort),
    ...nodetoolArgs,
  ];
}
