import tseslint from 'typescript-eslint';

/**
 * Lint: TypeScript's recommended rules and the layering: the domain is pure; handlers reach the store only through
 * the services (types excepted; the adapters are the Lambdas' composition root and build the store); the store and
 * the schemas sit below the services.
 */
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
  {
    files: ['functions/**/*.ts'],
    ignores: ['functions/adapters/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/shared/store/*'], allowTypeImports: true, message: 'Handlers reach the store through the services (shared/services).' }] },
      ],
    },
  },
  {
    files: ['shared/store/**/*.ts', 'shared/schemas/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/services/*', '**/services'], message: 'The store and the schemas sit below the services: they import nothing from shared/services.' }] },
      ],
    },
  },
);
