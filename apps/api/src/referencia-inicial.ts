import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cargarReferencia, estaVacia } from '@tablero/domain';
import { DataSource } from 'typeorm';

/** A database that has never been loaded gets the reference dataset on start-up. */
@Injectable()
export class ReferenciaInicial implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenciaInicial.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await estaVacia(this.dataSource))) return;
    await cargarReferencia(this.dataSource);
    this.logger.log('Base de datos vacía: se cargaron los datos de referencia de la estrategia.');
  }
}
