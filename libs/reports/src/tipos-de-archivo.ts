/** The Content-Type of each kind of file the service writes. */
export const TIPO_DE_ARCHIVO = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
