export declare const postgresSchemaPath: string;
export declare function postgresSchemaText(sqliteSchema: string): string;
