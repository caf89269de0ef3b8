import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertPolicyValid,
  JOLOKIA_POLICY,
  jolokiaAgentArgument,
  JolokiaSetupError,
  prepareJolokiaAgent,
  xmlProblem,
} from './jolokia-agent';
import { ClusterPaths } from './state';
import { nodeSpec } from './topology';

const scratch = () => mkdtempSync(join(tmpdir(), 'ringside-jolokia-'));

function policyFile(text: string): string {
  const file = join(scratch(), 'policy.xml');
  writeFileSync(file, text);
  return file;
}

describe('the Jolokia access policy check', () => {
  it('accepts the shipped policy', () => {
    expect(() => assertPolicyValid(JOLOKIA_POLICY)).not.toThrow();
  });

  it('refuses a missing file, broken XML, another root, or a policy without <commands>', () => {
    expect(() => assertPolicyValid('/nonexistent/jolokia-access.xml')).toThrow(/does not exist/);
    expect(() => assertPolicyValid(policyFile('<restrict><commands/><allow></restrict>'))).toThrow(
      /not valid XML: <\/restrict> closes <allow>/,
    );
    expect(() => assertPolicyValid(policyFile('<restrict><commands/>'))).toThrow(/<restrict> is never closed/);
    expect(() => assertPolicyValid(policyFile('<policy><commands/></policy>'))).toThrow(/<restrict> as its root/);
    expect(() => assertPolicyValid(policyFile('<restrict><allow/></restrict>'))).toThrow(JolokiaSetupError);
  });

  it('finds well-formedness problems', () => {
    expect(xmlProblem('<?xml version="1.0"?>\n<!-- c --><a x="1"><b/></a>\n')).toBeNull();
    expect(xmlProblem('<a></a><b></b>')).toBe('more than one root element');
    expect(xmlProblem('<a></a>tail')).toBe('text outside the root element');
    expect(xmlProblem('<a><!-- open </a>')).toMatch(/unclosed comment/);
    expect(xmlProblem('<a>1 < 2</a>')).toMatch(/starts no valid tag/);
    expect(xmlProblem('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toMatch(/DOCTYPE/);
  });
});

describe('the agent set-up', () => {
  const node = nodeSpec(1, 'dc1', true, ['0'], 0);

  it('writes private credentials once and an agent config file at every start', () => {
    const paths = new ClusterPaths(scratch());
    const first = prepareJolokiaAgent(paths);
    expect(first.username).toBe('ringside');
    expect(first.password).toMatch(/^[0-9a-f]{48}$/);
    expect(prepareJolokiaAgent(paths)).toEqual(first);
    for (const file of [paths.jolokiaCredentialsFile, paths.jolokiaAgentProperties])
      expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(paths.jolokiaAgentProperties, 'utf8')).toContain(`password=${first.password}\n`);
  });

  it('puts the policy, the proxy switch and the config file on the command line, never the password', () => {
    const paths = new ClusterPaths(scratch());
    const { password } = prepareJolokiaAgent(paths);
    const argument = jolokiaAgentArgument('/agents/jolokia.jar', paths, node);
    expect(argument).toBe(
      `-javaagent:/agents/jolokia.jar=host=127.0.0.1,port=8778,config=${paths.jolokiaAgentProperties},` +
        `policyLocation=file://${JOLOKIA_POLICY},disabledServices=org.jolokia.service.jsr160.Jsr160RequestHandler,` +
        'discoveryEnabled=false,includeStackTrace=false,executor=fixed,threadNr=4',
    );
    expect(argument).not.toContain(password);
  });
});
