import { describe, expect, it } from 'vitest';
import { moduleFlags } from './jvm-options';
import {
  compareVersions,
  javaMajorFor,
  jolokiaVersionFor,
  mavenRange,
  parseVersionRequest,
  seriesOf,
  UnsupportedVersionError,
} from './versions';

describe('Cassandra versions the local-cluster tool runs', () => {
  it('reads a series or an exact release', () => {
    expect(parseVersionRequest('4.1')).toEqual({ series: '4.1' });
    expect(parseVersionRequest('4.0.19')).toEqual({ series: '4.0', exact: '4.0.19' });
    expect(parseVersionRequest(' 5.0 ')).toEqual({ series: '5.0' });
    expect(seriesOf('4.1.10')).toBe('4.1');
  });

  it('refuses what it cannot run, naming what it can', () => {
    expect(() => parseVersionRequest('3.11')).toThrow(UnsupportedVersionError);
    expect(() => parseVersionRequest('3.11')).toThrow(/4\.0, 4\.1, 5\.0/);
    expect(() => parseVersionRequest('5.1.0')).toThrow(/not a release this tool runs/);
    expect(() => parseVersionRequest('latest')).toThrow(/not a Cassandra version/);
  });

  it('asks Maven for the newest release of the series only', () => {
    expect(mavenRange('4.1')).toBe('[4.1.0,4.1.999]');
    expect(mavenRange('5.0')).toBe('[5.0.0,5.0.999]');
  });

  it('runs 4.x on Java 11 with a Java 11 Jolokia, 5.0 on Java 17', () => {
    expect(javaMajorFor('4.0')).toBe(11);
    expect(javaMajorFor('4.1')).toBe(11);
    expect(javaMajorFor('5.0')).toBe(17);
    expect(jolokiaVersionFor(11)).toBe('2.3.0');
    expect(jolokiaVersionFor(17)).toBe('2.6.0');
  });

  it('gives each Java its own module flags', () => {
    const java11 = moduleFlags({ version: '4.1.10' });
    const java17 = moduleFlags({ version: '5.0.9' });
    // jdk.compiler is not in a Java 11 runtime image; Java 17 needs it opened for Cassandra 5.0.
    expect(java17).toContain('jdk.compiler/com.sun.tools.javac=ALL-UNNAMED');
    expect(java11).not.toContain('jdk.compiler/com.sun.tools.javac=ALL-UNNAMED');
    expect(java11).toContain('java.base/sun.security.action=ALL-UNNAMED');
    // nodetool of a 4.x release may run on Java 17: then it takes Java 17's flags.
    expect(moduleFlags({ version: '4.1.10' }, 17)).toBe(java17);
  });

  it('orders versions numerically', () => {
    expect(['4.1.9', '4.1.10', '4.0.19'].sort(compareVersions)).toEqual(['4.0.19', '4.1.9', '4.1.10']);
  });
});
