// Replaced when the database layer lands: migrates a template database once per run.
export default async function setup(): Promise<void> {}
