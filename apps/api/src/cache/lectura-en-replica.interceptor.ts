import { CallHandler, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dataVersion, leerEnReplica } from '@tablero/database';
import { from, Observable, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';

/**
 * Reads a route's figures on a replica at least at the primary's data version
 * (for the routes whose answers DataVersionCache does not keep, such as workbooks and exports).
 */
@Injectable()
export class LecturaEnReplica implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return from(dataVersion(this.dataSource)).pipe(
      switchMap((version) => leerEnReplica(version, () => next.handle())),
    );
  }
}
