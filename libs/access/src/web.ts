/** What the browser may import from this library: the dashboard's views, no entities or services. */
export * from './vistas';
