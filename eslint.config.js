import tseslint from 'typescript-eslint';

/** Lint: TypeScript's recommended rules, and the dependency rule of ARCHITECTURE §5 for the pure domain. */
export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'], message: 'The domain imports nothing from AWS.' },
            { group: ['**/store/*', '**/services/*', '**/infra/*', '**/functions/*', 'node:*'], message: 'The domain is pure: no store, services, infrastructure or Node APIs.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The domain takes the time as a parameter.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process']", message: 'The domain reads no process state or environment.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes the time as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is deterministic.' },
      ],
    },
  },
);
