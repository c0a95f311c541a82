/** The text of a new migration, for a person to review before it is committed. */
export function migrationSource(
  className: string,
  changes: { up: string[]; down: string[] },
): string {
  const statements = (queries: string[]) =>
    queries
      .map((q) => `    await queryRunner.query(\`${q.trim().replace(/`/g, '\\`')}\`);`)
      .join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements(changes.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${statements(changes.down)}
  }
}
`;
}
